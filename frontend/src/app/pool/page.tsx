export default function Page() {
  return <h1>pool</h1>;
}
