#!/bin/sh
sh -c "docker run --privileged a:1"
ssh -p 2222 deploy@prod 'docker run --net=host b:1'
bash -o pipefail -lc "docker run $OPTS --ipc=host -p ${PORT:-80}:80 c:1"
exec docker run --rm "$@"
docker run --help
