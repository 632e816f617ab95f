#!/usr/bin/env bash
# Generates the PWA icons and screenshot placeholders locally with ImageMagick (apt-get install -y imagemagick).
# The outputs are committed; rerun only to change the artwork.
set -euo pipefail
cd "$(dirname "$0")/../public"
mkdir -p icons screenshots
green="#14532d"; light="#f8faf8"
for size in 192 512; do
  r=$((size * 3 / 10))
  # any-purpose: a coin on a rounded tile
  convert -size ${size}x${size} xc:none -fill "$green" -draw "roundrectangle 0,0,$((size-1)),$((size-1)),$((size/6)),$((size/6))" \
    -fill "$light" -draw "circle $((size/2)),$((size/2)) $((size/2)),$((size/2 - r))" \
    -fill "$green" -font DejaVu-Sans-Bold -pointsize $((size * 36 / 100)) -gravity center -annotate +0+0 "N" icons/icon-${size}.png
  # maskable: full-bleed background, the coin inside the 80% safe zone
  convert -size ${size}x${size} xc:"$green" \
    -fill "$light" -draw "circle $((size/2)),$((size/2)) $((size/2)),$((size/2 - r * 8 / 10))" \
    -fill "$green" -font DejaVu-Sans-Bold -pointsize $((size * 28 / 100)) -gravity center -annotate +0+0 "N" icons/maskable-${size}.png
done
convert icons/icon-192.png -resize 180x180 icons/apple-touch-icon.png
convert icons/icon-192.png -resize 48x48 ../src/app/favicon.ico
convert -size 1280x720 xc:"$light" -fill "$green" -draw "rectangle 0,0,1280,80" -fill "$green" -font DejaVu-Sans-Bold -pointsize 64 -gravity center -annotate +0+0 "NumiCoin wallet" screenshots/wide.png
convert -size 540x960 xc:"$light" -fill "$green" -draw "rectangle 0,0,540,80" -fill "$green" -font DejaVu-Sans-Bold -pointsize 48 -gravity center -annotate +0+0 "NumiCoin" screenshots/narrow.png
