// copy-whole-context: `COPY . .` / `ADD . .` with no .dockerignore beside the
// Dockerfile, so everything in the build context (.git, .env, keys) is copied.
#include <string_view>

#include "rules/object_finding.h"

namespace vern {
namespace {

constexpr RuleInfo k_info{
    .slug = "copy-whole-context",
    .title = "Whole build context copied without a .dockerignore",
    .severity = Severity::low,
    .surfaces = {Surface::dockerfile},
    .rationale =
        "Copying the whole build context with no .dockerignore puts everything in the folder "
        "into the image: the .git history, .env files, local credentials and keys, build "
        "output. Secrets copied this way are readable by anyone who can pull the image.",
    .remedy =
        "Add a .dockerignore (.git, .env, *.pem, node_modules, …) or copy only what the image "
        "needs (COPY src/ ./src/).",
};

// "." "./" "/" and "*" name the whole context.
bool whole_context(std::string_view s) {
  return s == "." || s == "./" || s == "/" || s == "*" || s == "./*" || s == "./.";
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const BuildFile& b : inventory.build_files) {
    if (b.dockerignore != IgnoreFile::missing) continue;
    for (const BuildCopy& c : b.copies) {
      // `ONBUILD ADD . /app` copies the context of the child build, not this one.
      if (c.from_other || c.heredoc || c.onbuild) continue;
      for (const Located<std::string>& src : c.sources) {
        if (!src.is_literal() || !whole_context(src.value)) continue;
        out.add(make_object_finding(k_info, b.file, c.where, "Dockerfile",
                                    c.instruction + " " + src.value +
                                        " copies the whole build context and there is no "
                                        ".dockerignore beside the Dockerfile"));
        break;
      }
    }
  }
}

}  // namespace

extern const Rule k_copy_whole_context{k_info, RuleScope::unit, check};

}  // namespace vern
