#include <gtest/gtest.h>

#include "rules/network_builder.h"

namespace vern {
extern const Rule k_namespace_without_pod_security;

namespace test {
namespace {

std::vector<Finding> run(std::vector<Namespace> namespaces) {
  Inventory inv;
  inv.namespaces = std::move(namespaces);
  return run_rule(k_namespace_without_pod_security, inv);
}

TEST(NamespaceWithoutPodSecurity, MetadataMatchesCatalog) {
  EXPECT_EQ(k_namespace_without_pod_security.info.slug, "namespace-without-pod-security");
  EXPECT_EQ(k_namespace_without_pod_security.info.severity, Severity::medium);
  EXPECT_EQ(k_namespace_without_pod_security.info.surfaces.letters(), "K");
  EXPECT_EQ(k_namespace_without_pod_security.scope, RuleScope::set);
}

TEST(NamespaceWithoutPodSecurity, NoLabelIsMedium) {
  auto found = run({ns_object("prod")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message, "namespace \"prod\" has no pod-security.kubernetes.io/enforce label");
  EXPECT_EQ(found[0].severity, Severity::medium);
  EXPECT_EQ(found[0].where, line(4));  // metadata.labels
  EXPECT_EQ(found[0].object, "Namespace prod");
  EXPECT_EQ(found[0].file, "ns.yaml");
}

TEST(NamespaceWithoutPodSecurity, BaselineIsLow) {
  auto found = run({ns_enforcing("prod", "baseline")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message,
            "namespace \"prod\" enforces Pod Security \"baseline\", not \"restricted\"");
  EXPECT_EQ(found[0].severity, Severity::low);
  EXPECT_EQ(found[0].where, line(5));  // the label's value
}

TEST(NamespaceWithoutPodSecurity, PrivilegedIsMedium) {
  auto found = run({ns_enforcing("prod", "privileged")});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].severity, Severity::medium);
}

TEST(NamespaceWithoutPodSecurity, RestrictedIsGood) {
  EXPECT_TRUE(run({ns_enforcing("prod", "restricted")}).empty());
}

TEST(NamespaceWithoutPodSecurity, VariableLevelIsUnknown) {
  Namespace n = ns_object("prod");
  n.enforce_level = dyn<std::string>(line(5));
  EXPECT_TRUE(run({n}).empty());
}

TEST(NamespaceWithoutPodSecurity, DefinitionsAcrossFilesAreOneNamespace) {
  // A base file without the label and an overlay that enforces restricted.
  EXPECT_TRUE(
      run({ns_object("prod", "base.yaml"), ns_enforcing("prod", "restricted", "overlay.yaml")})
          .empty());
  EXPECT_TRUE(
      run({ns_enforcing("prod", "restricted", "a.yaml"), ns_object("prod", "b.yaml")}).empty());
  // The best definition is reported, once.
  auto found = run({ns_object("prod", "a.yaml"), ns_enforcing("prod", "baseline", "b.yaml"),
                    ns_object("dev", "a.yaml"), ns_object("prod", "c.yaml")});
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].file, "b.yaml");
  EXPECT_EQ(found[0].severity, Severity::low);
  EXPECT_EQ(found[1].message, "namespace \"dev\" has no pod-security.kubernetes.io/enforce label");
}

}  // namespace
}  // namespace test
}  // namespace vern
