"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

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
  const first = useRef(true);
  // After a client-side navigation, focus goes to the new page's content (the first load keeps the browser's).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById("main")?.focus();
  }, [path]);
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
