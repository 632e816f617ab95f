"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const ROUTES = [
  ["/", "Dashboard"],
  ["/send", "Send"],
  ["/receive", "Receive"],
  ["/mine", "Mine"],
  ["/pool", "Pool"],
  ["/governance", "Governance"],
  ["/activity", "Activity"],
  ["/analytics", "Analytics"],
] as const;

export function Nav() {
  const path = usePathname();
  return (
    <nav aria-label="Main">
      <ul className="nav">
        {ROUTES.map(([href, label]) => (
          <li key={href}>
            <Link href={href} aria-current={path === href ? "page" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
