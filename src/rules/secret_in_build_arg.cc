// secret-in-build-arg: a Dockerfile ARG with a secret-like name. Build
// arguments are recorded in the image history, whatever their value.
#include "rules/object_finding.h"
#include "rules/secret_names.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "secret-in-build-arg",
    .title = "Secret passed as a build argument",
    .severity = Severity::high,
    .surfaces = {Surface::dockerfile},
    .rationale =
        "Values of build arguments are kept in the image's history (`docker history "
        "--no-trunc`) and in build caches: anyone who can pull the image can read a password "
        "or token passed with --build-arg, and a default written in the Dockerfile is in "
        "version control as well.",
    .remedy =
        "Use a BuildKit secret mount instead: RUN --mount=type=secret,id=token … and "
        "docker build --secret id=token,src=…",
    .cis = "4.10",
};

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const BuildFile& b : inventory.build_files) {
    for (const BuildArg& a : b.args) {
      if (!secret_like_name(a.name)) continue;
      std::string message = (a.onbuild ? "ONBUILD ARG " : "ARG ") + a.name + " looks like a secret";
      message += a.default_value.is_literal() && !a.default_value.value.empty()
                     ? " and has a default value written in the Dockerfile"
                     : ": build arguments are kept in the image history";
      out.add(make_object_finding(k_info, b.file, a.where, "Dockerfile", std::move(message)));
    }
  }
}

}  // namespace

extern const Rule k_secret_in_build_arg{k_info, RuleScope::unit, check};

}  // namespace vern
