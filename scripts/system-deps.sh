#!/usr/bin/env bash
# Install the Debian packages the tests need, only if they are missing (idempotent).
#   chromium       browser tests (Playwright drives Debian's /usr/bin/chromium)
#   poppler-utils  pdftotext / pdfinfo for PDF checks
#   postgresql     the second database the suite runs on in CI
#   wrk            load for `make bench`
#   fonts-noto-core  Noto Naskh Arabic, embedded in PDFs to print Urdu (feedback/pdf_fonts.py)
#   fonts-symbola    Symbola, embedded in PDFs to print emoji in one colour
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v wrk >/dev/null 2>&1 || need+=(wrk)
[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || need+=(fonts-noto-core)
[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || need+=(fonts-symbola)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
