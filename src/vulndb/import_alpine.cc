#include <nlohmann/json.hpp>

#include "vulndb/ecosystem.h"
#include "vulndb/importers.h"
#include "vulndb/json_fields.h"

namespace vern::vulndb {

namespace {

using nlohmann::json;

// A secfixes entry is "CVE-2021-1234" or several ids separated by spaces
// ("CVE-2021-1234 GHSA-xxxx"): the first is the id, the others aliases.
std::vector<std::string> split_ids(const std::string& s) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < s.size()) {
    std::size_t end = s.find_first_of(" \t", at);
    if (end == std::string::npos) end = s.size();
    if (end > at) out.push_back(s.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

}  // namespace

Status import_alpine_secdb(std::string_view text, std::string_view name, AdvisorySink& sink,
                           ImportStats& stats) {
  auto doc = parse_json(text, name);
  if (!doc) return doc.error();
  auto fail = [&](const std::string& what) {
    return Status(Error::invalid(std::string(name) + ": " + what));
  };
  std::string branch = string_member(*doc, "distroversion");
  const json* packages = member(*doc, "packages");
  if (branch.empty() || !packages || !packages->is_array()) {
    return fail("not an Alpine secdb document (needs distroversion and packages)");
  }
  const std::string ecosystem = ecosystem_from_alpine_branch(branch);
  for (const json& entry : *packages) {
    const json* pkg = member(entry, "pkg");
    if (!pkg) return fail("package entry without pkg");
    std::string package = string_member(*pkg, "name");
    if (!clean_token(package)) return fail("package without a name");
    const json* secfixes = member(*pkg, "secfixes");
    if (!secfixes) continue;
    if (!secfixes->is_object()) return fail(package + ": secfixes is not an object");
    for (auto it = secfixes->begin(); it != secfixes->end(); ++it) {
      const std::string& fixed = it.key();
      if (!it.value().is_array()) return fail(package + ": secfixes." + fixed + " is not a list");
      if (!clean_token(fixed)) return fail(package + ": bad fixed version '" + fixed + "'");
      // "0" lists issues that never affected this branch's package.
      if (fixed == "0") continue;
      for (const json& ids : it.value()) {
        if (!ids.is_string()) return fail(package + ": secfix id is not a string");
        std::vector<std::string> parts = split_ids(ids.get<std::string>());
        if (parts.empty()) continue;
        Advisory adv;
        adv.id = parts[0];
        adv.aliases.assign(parts.begin() + 1, parts.end());
        AffectedPackage ap;
        ap.ecosystem = ecosystem;
        ap.package = package;
        ap.ranges.push_back(
            AffectedRange{{{RangeEvent::Kind::introduced, "0"}, {RangeEvent::Kind::fixed, fixed}}});
        adv.affected.push_back(std::move(ap));
        ++stats.records;
        if (Status s = sink.add(adv); !s) return s;
      }
    }
  }
  return Status::success();
}

}  // namespace vern::vulndb
