import { Pool } from "@/features/pool/Pool";

export const metadata = { title: "Pool" };
export default function Page() {
  return <Pool />;
}
