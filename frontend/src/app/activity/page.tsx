export default function Page() {
  return <h1>activity</h1>;
}
