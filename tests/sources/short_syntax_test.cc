#include "sources/short_syntax.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace vern {
namespace {

using Parts = std::vector<std::string_view>;

TEST(SplitColons, KeepsDefaultsAndAddressesWhole) {
  EXPECT_EQ(split_colons("${SOCK:-/var/run/docker.sock}:/var/run/docker.sock:ro"),
            (Parts{"${SOCK:-/var/run/docker.sock}", "/var/run/docker.sock", "ro"}));
  EXPECT_EQ(split_colons("[::1]:5432:5432"), (Parts{"[::1]", "5432", "5432"}));
  EXPECT_EQ(split_colons("/data"), (Parts{"/data"}));
  EXPECT_EQ(split_colons("${A:-${B:-x:y}}:/t"), (Parts{"${A:-${B:-x:y}}", "/t"}));
}

TEST(SplitColons, ABracketInsideADefaultDoesNotHideTheSeparators) {
  EXPECT_EQ(split_colons("${D:-[x}:/data:ro"), (Parts{"${D:-[x}", "/data", "ro"}));
}

TEST(SplitColons, AnUnclosedVariableKeepsTheRestAsOnePart) {
  EXPECT_EQ(split_colons("a:${B:-x:y"), (Parts{"a", "${B:-x:y"}));
}

TEST(SplitPortSpec, TakesTheLastTwoPartsAsPortsAndTheRestAsTheAddress) {
  PortSpecParts p = split_port_spec("127.0.0.1:8080:80/udp");
  EXPECT_EQ(p.ip, "127.0.0.1");
  EXPECT_EQ(p.host, "8080");
  EXPECT_EQ(p.container, "80");
  EXPECT_EQ(p.protocol, "udp");
  p = split_port_spec("::1:80:80");
  EXPECT_EQ(p.ip, "::1");
  EXPECT_EQ(p.host, "80");
  p = split_port_spec("[::1]::80");
  EXPECT_EQ(p.ip, "[::1]");
  EXPECT_EQ(p.host, "");
  EXPECT_EQ(p.container, "80");
  p = split_port_spec("80");
  EXPECT_EQ(p.ip, "");
  EXPECT_EQ(p.host, "");
  EXPECT_EQ(p.container, "80");
  EXPECT_EQ(p.protocol, "");
}

TEST(SplitPortSpec, ASlashOrColonInsideAVariableSeparatesNothing) {
  PortSpecParts p = split_port_spec("${BIND:-127.0.0.1}:${PORT:-8080/tcp}:80");
  EXPECT_EQ(p.ip, "${BIND:-127.0.0.1}");
  EXPECT_EQ(p.host, "${PORT:-8080/tcp}");
  EXPECT_EQ(p.container, "80");
  EXPECT_EQ(p.protocol, "");
}

TEST(ParsePortRange, ReadsPortsAndRangesAndRefusesTheRest) {
  int first = 0, last = 0;
  EXPECT_TRUE(parse_port_range("8000-8010", first, last));
  EXPECT_EQ(first, 8000);
  EXPECT_EQ(last, 8010);
  EXPECT_TRUE(parse_port_range("80", first, last));
  EXPECT_EQ(last, 80);
  EXPECT_FALSE(parse_port_range("", first, last));
  EXPECT_FALSE(parse_port_range("90-80", first, last));
  EXPECT_FALSE(parse_port_range("65536", first, last));
  EXPECT_FALSE(parse_port_range("8o", first, last));
}

TEST(Unbracket, RemovesOnlyAnEnclosingPair) {
  EXPECT_EQ(unbracket("[::1]"), "::1");
  EXPECT_EQ(unbracket("::1"), "::1");
  EXPECT_EQ(unbracket("[x"), "[x");
}

}  // namespace
}  // namespace vern
