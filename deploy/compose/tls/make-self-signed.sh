#!/bin/sh
# A self-signed certificate for a trial; put your real certificate and key in tls.crt and tls.key instead.
set -eu
cd "$(dirname "$0")"
host="${1:-localhost}"
openssl req -x509 -newkey rsa:3072 -sha256 -days 90 -nodes -subj "/CN=$host" \
    -addext "subjectAltName=DNS:$host" -keyout tls.key -out tls.crt
chmod 600 tls.key
