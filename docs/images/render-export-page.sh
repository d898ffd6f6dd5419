#!/usr/bin/env bash
# Renders page 1 of the Word export of a bundled corpus report to docs/images/export-page1.png,
# the picture in the README. Needs LibreOffice (soffice) and poppler-utils (pdftoppm); the
# fontconfig file maps the Windows fonts of GB/T 9704 documents to free look-alikes
# (fonts-wqy-zenhei, fonts-arphic-ukai, fonts-arphic-uming) so the heading levels show.
# Usage: docs/images/render-export-page.sh [CORPUS_FILE] [REPORT_INDEX]
set -euo pipefail
cd "$(dirname "$0")/../.."
file="${1:-corpus/000_6d88075644ea0d60.txt}"
index="${2:-6}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node --import tsx -e "
const fs = require('node:fs');
const { reportsFromText } = require('./server/src/engine/corpus/corpus');
const { buildDocx } = require('./server/src/engine/delivery/docxExport');
const { DEFAULT_SETTINGS } = require('./server/src/engine/settings');
const r = reportsFromText(fs.readFileSync('$file', 'utf8'), '$file')[$index];
buildDocx(r.text, DEFAULT_SETTINGS.export).then((b) => fs.writeFileSync('$tmp/report.docx', b));
"
FONTCONFIG_FILE="$PWD/docs/images/preview-fonts.conf" soffice -env:UserInstallation="file://$tmp/profile" \
  --headless --convert-to pdf --outdir "$tmp" "$tmp/report.docx" >/dev/null
pdftoppm -r 96 -png -singlefile -f 1 -l 1 "$tmp/report.pdf" docs/images/export-page1
echo "docs/images/export-page1.png"
