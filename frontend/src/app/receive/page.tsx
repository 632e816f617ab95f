import { Receive } from "@/features/receive/Receive";

export const metadata = { title: "Receive" };
export default function Page() {
  return <Receive />;
}
