import { Analytics } from "@/features/analytics/Analytics";

export const metadata = { title: "Analytics" };
export default function Page() {
  return <Analytics />;
}
