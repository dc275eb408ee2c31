// Suppressions: comments (`# vern:ignore <slug>[,<slug>] [reason]` on the
// finding's line or the line above, `# vern:ignore-file <slug>` anywhere) and
// object annotations (`vern.dev/ignore`). Each records whether it matched, so
// that stale ones are reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/inventory.h"
#include "rules/finding.h"

namespace vern {

struct Suppression {
  enum class Scope { line, file, object };
  Scope scope = Scope::line;
  std::string rule;
  std::string file;
  Location where;      // the comment or annotation
  std::string object;  // Scope::object: the object label findings must start with
  bool used = false;
};

// The comment suppressions written in `content`. Comments start with `#`, `//`
// or `<!--`; the directive must follow the comment marker.
std::vector<Suppression> find_comment_suppressions(std::string_view file, std::string_view content);

// The annotation suppressions of the objects in `inventory`.
std::vector<Suppression> find_object_suppressions(const Inventory& inventory);

// True (and marks the suppression used) when a suppression in `list` covers `f`.
bool suppress(std::vector<Suppression>& list, const Finding& f);

// Removes from `findings` those a suppression in `list` covers (marking it
// used); returns how many were removed.
int remove_suppressed(std::vector<Suppression>& list, std::vector<Finding>& findings);

}  // namespace vern
