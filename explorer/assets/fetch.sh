#!/bin/sh
# fetch.sh installs the vendored chart library from the npm registry: Apache ECharts
# (Apache-2.0), its built file dist/echarts.min.js with its LICENSE and NOTICE, and the
# version in VERSION. Run from anywhere: sh explorer/assets/fetch.sh [VERSION]
set -eu
VERSION=${1:-6.1.0}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm pack --silent "echarts@$VERSION" >/dev/null
tar -xzf "echarts-$VERSION.tgz"
mkdir -p "$here/echarts"
cp package/dist/echarts.min.js package/LICENSE "$here/echarts/"
[ -f package/NOTICE ] && cp package/NOTICE "$here/echarts/"
echo "echarts $VERSION (npm pack echarts@$VERSION; dist/echarts.min.js)" >"$here/echarts/VERSION"
sha256sum "$here/echarts/echarts.min.js"
