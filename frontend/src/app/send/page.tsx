import { SendForm } from "@/features/send/SendForm";

export const metadata = { title: "Send" };
export default function Page() {
  return <SendForm />;
}
