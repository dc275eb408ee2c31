# syntax=docker/dockerfile:1
# vern in a container: docker build -t vern . && docker run --rm -v "$PWD:/work:ro" vern scan /work
# The base is pinned by digest; refresh it with `docker buildx imagetools inspect debian:bookworm-slim`.
ARG BASE=debian:bookworm-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251

FROM ${BASE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends cmake g++ ninja-build pkg-config \
      libyaml-dev nlohmann-json3-dev libssl-dev libsqlite3-dev libarchive-dev libzstd-dev zlib1g-dev libmimalloc-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake/ cmake/
COPY src/ src/
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DVERN_TESTS=OFF \
 && cmake --build /build --target vern \
 && strip /build/vern

FROM ${BASE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends libssl3 libsqlite3-0 libarchive13 libzstd1 zlib1g libmimalloc2.0 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /build/vern /usr/local/bin/vern
USER 10001:10001
WORKDIR /work
HEALTHCHECK CMD ["vern", "--version"]
ENTRYPOINT ["vern"]
CMD ["scan", "."]
