#!/bin/sh
# Makes a throw-away PKI to try `vanban sign`, `vanban issue --key` and `vanban build --key`:
# a test CA, the person's and the organisation's keys as PKCS#12 files, signature and seal
# images, and an NSS database trusting the CA for `pdfsig -nssdir`. Never for real documents.
# Usage: scripts/make-test-keys.sh DIR   (the .p12 password is read from $VANBAN_PASSWORD,
# default "test"). Needs openssl, libnss3-tools (certutil) and python3.
set -eu
dir=${1:?usage: make-test-keys.sh DIR}
password=${VANBAN_PASSWORD:-test}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dir"
cd "$dir"

openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 365 -utf8 \
  -subj "/O=Vanban thử nghiệm/CN=Vanban Test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
printf 'keyUsage=critical,digitalSignature,nonRepudiation\n' > leaf.ext
leaf() {  # NAME SUBJECT
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -utf8 -subj "$2" 2>/dev/null
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -out "$1.pem" -days 365 \
    -extfile leaf.ext 2>/dev/null
  openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -certfile ca.pem -out "$1.p12" -passout "pass:$password"
  rm -f "$1.csr" "$1.key"
}
leaf person "/CN=Người ký thử nghiệm"
leaf organisation "/O=Cơ quan thử nghiệm/CN=Cơ quan thử nghiệm"

python3 - "$here/../tests/e2e" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
import sign_images
open("signature.png", "wb").write(sign_images.signature_png())
open("seal.png", "wb").write(sign_images.seal_png())
PY

rm -rf nss && mkdir nss
certutil -N -d sql:nss --empty-password
certutil -A -d sql:nss -n vanban-test-ca -t CT,C,C -i ca.pem
echo "$dir: ca.pem, person.p12, organisation.p12 (password: \$VANBAN_PASSWORD or 'test'), signature.png, seal.png, nss/"
