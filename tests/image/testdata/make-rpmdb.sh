#!/usr/bin/env bash
# Regenerates rpmdb.sqlite.gz: an rpm database (rpm 4.16+ sqlite backend) holding
# two small packages built here with rpmbuild, one with an epoch, and
# rpm-Packages.bdb.gz: the same header blobs in a Berkeley DB hash file, the
# format of rpm < 4.16. Needs Debian's rpm and db5.3-util packages. The outputs
# are committed; run this only to change them.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work"/{SPECS,RPMS,BUILD,SRPMS,SOURCES,BUILDROOT} "$work/db"
make_spec() {  # name version release epoch
  cat >"$work/SPECS/$1.spec" <<SPEC
Name: $1
Version: $2
Release: $3
${4:+Epoch: $4}
Summary: vern test package
License: MIT
BuildArch: noarch
%description
A package for vern's rpm database tests.
%files
SPEC
  rpmbuild --quiet --define "_topdir $work" -bb "$work/SPECS/$1.spec" >/dev/null 2>&1
}
make_spec vern-hello 1.2.3 4.el9 ""
make_spec vern-epoch 2.0 1 3
rpm --initdb --dbpath "$work/db"
rpm -i --justdb --nodeps --noscripts --ignorearch --ignoreos --dbpath "$work/db" \
  "$work"/RPMS/noarch/*.rpm
rpm -qa --dbpath "$work/db" --qf '%{NAME} %{EPOCHNUM}:%{VERSION}-%{RELEASE} %{ARCH} %{SOURCERPM}\n'
python3 - "$work/db/rpmdb.sqlite" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA journal_mode=DELETE")
c.execute("VACUUM")
c.close()
PY
gzip -9n <"$work/db/rpmdb.sqlite" >"$here/rpmdb.sqlite.gz"
python3 - "$work/db/rpmdb.sqlite" >"$work/dump.txt" <<'PY'
import sqlite3, struct, sys
print("VERSION=3\nformat=bytevalue\ntype=hash\ndb_pagesize=4096\nHEADER=END")
for hnum, blob in sqlite3.connect(sys.argv[1]).execute("SELECT hnum, blob FROM Packages"):
    print(" " + struct.pack("<I", hnum).hex())
    print(" " + blob.hex())
print("DATA=END")
PY
db5.3_load -f "$work/dump.txt" "$work/Packages"
gzip -9n <"$work/Packages" >"$here/rpm-Packages.bdb.gz"
