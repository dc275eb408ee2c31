#!/bin/sh
echo alpine | xargs docker run --privileged
ls | xargs -I{} docker run --rm {} true
sh -c "docker run -p 8080:80 -v /var/run/docker.sock:/var/run/docker.sock nginx"
ssh host 'docker run --net=host --cap-add=SYS_ADMIN busybox'
docker run -p "${HOST:-127.0.0.1}:${PORT}:80" -p [::1]:5432:5432/tcp postgres:16
