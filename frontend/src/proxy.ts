// Every page response gets a Content-Security-Policy with a fresh nonce. Next reads the nonce from the request's
// CSP header and puts it on its own bootstrap scripts, so only scripts this server sent can run. (Pages render
// per request anyway: the root layout reads the wallet cookie.)
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/config/csp";

export function proxy(request: NextRequest): NextResponse {
  const dev = process.env.NODE_ENV === "development";
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(dev, nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: static assets, icons, the manifest and the service worker carry no inline script to protect.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|icons/|screenshots/|sw.js|swe-worker|manifest.webmanifest|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
