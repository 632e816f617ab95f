export const metadata = { title: "Offline" };

export default function Offline() {
  return (
    <>
      <h1>You are offline</h1>
      <p>This page has not been opened on this device before, so there is nothing saved to show.</p>
      <p>Pages you have visited open offline with their last-known figures. Nothing is sent or signed while offline.</p>
    </>
  );
}
