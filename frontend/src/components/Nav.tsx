"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";

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
            <NavLink href={href} current={path === href}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A route link that prefetches when the user reaches for it (pointer over it, finger down, keyboard focus), not
 * when it scrolls into view: viewport prefetching fetched and parsed ten route payloads during the first load,
 * main-thread work inside Lighthouse's blocking-time window (docs/frontend-performance.md).
 */
function NavLink({ href, current, children }: { href: string; current: boolean; children: string }) {
  const [wanted, setWanted] = useState(false);
  const want = () => setWanted(true);
  return (
    <Link
      href={href}
      prefetch={wanted ? null : false}
      aria-current={current ? "page" : undefined}
      onPointerEnter={want}
      onTouchStart={want}
      onFocus={want}
    >
      {children}
    </Link>
  );
}
