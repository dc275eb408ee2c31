// remote-add: a Dockerfile ADD downloads a URL without a checksum.
#include <string_view>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "remote-add",
    .title = "ADD downloads a URL without a checksum",
    .severity = Severity::medium,
    .surfaces = {Surface::dockerfile},
    .rationale =
        "`ADD <url>` fetches whatever the server returns at build time and puts it in the "
        "image unverified: a compromised or changed download becomes part of every build. "
        "Nothing records what was fetched.",
    .remedy =
        "Pin the download: ADD --checksum=sha256:… <url>, or RUN curl -fsSLo f <url> && "
        "echo '<sha256>  f' | sha256sum -c -",
    .cis = "4.9",
};

bool is_url(std::string_view s) {
  for (std::string_view scheme : {"http://", "https://", "ftp://", "git@", "git://", "ssh://"}) {
    if (s.size() > scheme.size() && s.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const BuildFile& b : inventory.build_files) {
    for (const BuildCopy& c : b.copies) {
      if (c.instruction != "ADD" || c.has_checksum) continue;
      for (const Located<std::string>& src : c.sources) {
        if (!src.is_literal() || !is_url(src.value)) continue;
        out.add(make_object_finding(k_info, b.file, src.where, "Dockerfile",
                                    "ADD downloads " + src.value + " without a checksum"));
      }
    }
  }
}

}  // namespace

extern const Rule k_remote_add{k_info, RuleScope::unit, check};

}  // namespace vern
