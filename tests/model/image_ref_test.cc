#include "model/image_ref.h"

#include <gtest/gtest.h>

namespace vern {
namespace {

TEST(ParseImageRef, UnqualifiedNameIsDockerHub) {
  ImageRef r = parse_image_ref("nginx:1.25");
  EXPECT_EQ(r.registry, "docker.io");
  EXPECT_EQ(r.repository, "nginx");
  EXPECT_EQ(r.tag, "1.25");
  EXPECT_FALSE(r.latest());
}

TEST(ParseImageRef, RegistryWithPortIsNotATag) {
  ImageRef r = parse_image_ref("registry.local:5000/team/app");
  EXPECT_EQ(r.registry, "registry.local:5000");
  EXPECT_EQ(r.repository, "team/app");
  EXPECT_EQ(r.tag, "");
  EXPECT_TRUE(r.latest());
}

TEST(ParseImageRef, DigestPinsOnlyWithSixtyFourHex) {
  ImageRef good = parse_image_ref(
      "nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
  EXPECT_TRUE(good.pinned());
  EXPECT_FALSE(good.latest());
  ImageRef short_digest = parse_image_ref("nginx@sha256:abc");
  EXPECT_FALSE(short_digest.pinned());
  EXPECT_TRUE(short_digest.digest_malformed());
  EXPECT_TRUE(short_digest.latest());  // a malformed digest is no pin
  EXPECT_FALSE(parse_image_ref("nginx:1.25@sha256:abc").latest());
}

TEST(ParseImageRef, VariableMakesItDynamic) {
  ImageRef r = parse_image_ref("${REGISTRY}/app:${TAG}");
  EXPECT_TRUE(r.dynamic);
  EXPECT_FALSE(r.is_image());
  EXPECT_EQ(r.digest, "");
}

TEST(ParseImageRef, DynamicKeepsALiteralDigest) {
  const std::string hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  ImageRef pinned = parse_image_ref("${REGISTRY}/app@sha256:" + hex);
  EXPECT_TRUE(pinned.dynamic);
  EXPECT_TRUE(pinned.pinned());
  EXPECT_FALSE(parse_image_ref("app@${DIGEST}").pinned());
}

TEST(ParseImageRef, DynamicKeepsATagWrittenAfterItsVariables) {
  EXPECT_EQ(parse_image_ref("${REGISTRY}/app:latest").tag, "latest");
  EXPECT_TRUE(parse_image_ref("${REGISTRY}/app:latest").latest());
  EXPECT_EQ(parse_image_ref("$IMAGE:1.2").tag, "1.2");
  EXPECT_EQ(parse_image_ref("${A:-${B}}:latest@sha256:x").tag, "latest");
  // No tag after the variables: the variable may hold one.
  EXPECT_EQ(parse_image_ref("${IMAGE}").tag, "");
  EXPECT_FALSE(parse_image_ref("${IMAGE}").latest());
  EXPECT_EQ(parse_image_ref("registry:${PORT}/app").tag, "");
  EXPECT_FALSE(parse_image_ref("app:${TAG}").latest());
  EXPECT_EQ(parse_image_ref("${HOST}:5000/app").tag, "");
}

TEST(ParseImageRef, LatestBesideADigestIsStillTheLatestTag) {
  const std::string hex = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  EXPECT_TRUE(parse_image_ref("nginx:latest@sha256:" + hex).latest());
  EXPECT_FALSE(parse_image_ref("nginx@sha256:" + hex).latest());
  EXPECT_FALSE(parse_image_ref("nginx:1.25@sha256:" + hex).latest());
}

TEST(ParseImageRef, LastComponentOfPath) {
  EXPECT_EQ(parse_image_ref("bitnami/postgresql:16").last_component(), "postgresql");
  EXPECT_EQ(parse_image_ref("mcr.microsoft.com/mssql/server:2022").repository, "mssql/server");
}

}  // namespace
}  // namespace vern
