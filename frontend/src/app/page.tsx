import { Dashboard } from "@/features/dashboard/Dashboard";

export default function Home() {
  return <Dashboard />;
}
