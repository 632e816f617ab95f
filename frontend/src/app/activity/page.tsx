import { Activity } from "@/features/activity/Activity";

export const metadata = { title: "Activity" };
export default function Page() {
  return <Activity />;
}
