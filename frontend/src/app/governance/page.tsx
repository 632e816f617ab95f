export default function Page() {
  return <h1>governance</h1>;
}
