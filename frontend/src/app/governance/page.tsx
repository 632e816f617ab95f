import dynamic from "next/dynamic";

export const metadata = { title: "Governance" };
// Code-split: governance loads only on this route.
const Governance = dynamic(() => import("@/features/governance/Governance").then((m) => m.Governance));
export default function Page() {
  return <Governance />;
}
