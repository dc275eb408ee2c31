#include <nlohmann/json.hpp>

#include "vulndb/ecosystem.h"
#include "vulndb/importers.h"
#include "vulndb/json_fields.h"

namespace vern::vulndb {

namespace {

using nlohmann::json;

// One release's verdict on one issue, as an affected entry; nullopt when the
// release is not affected or its codename is unknown.
std::optional<AffectedPackage> read_release(const std::string& package, const std::string& codename,
                                            const json& release) {
  auto ecosystem = ecosystem_from_debian_codename(codename);
  if (!ecosystem) return std::nullopt;
  std::string status = string_member(release, "status");
  std::string fixed = string_member(release, "fixed_version");
  AffectedPackage ap;
  ap.ecosystem = *ecosystem;
  ap.package = package;
  AffectedRange range{{{RangeEvent::Kind::introduced, "0"}}};
  if (status == "resolved") {
    // A fix of "0" means the release never had the vulnerable code.
    if (fixed.empty() || fixed == "0" || !clean_token(fixed)) return std::nullopt;
    range.events.push_back({RangeEvent::Kind::fixed, fixed});
  } else if (status != "open" && status != "undetermined") {
    return std::nullopt;
  }
  ap.ranges.push_back(std::move(range));
  ap.distro_severity = parse_distro_rating(string_member(release, "urgency"));
  if (ap.distro_severity != VulnSeverity::unknown) ap.distro_rater = "debian";
  return ap;
}

}  // namespace

Status import_debian_tracker(std::string_view text, std::string_view name, AdvisorySink& sink,
                             ImportStats& stats) {
  auto doc = parse_json(text, name);
  if (!doc) return doc.error();
  auto fail = [&](const std::string& what) {
    return Status(Error::invalid(std::string(name) + ": " + what));
  };
  if (!doc->is_object()) return fail("not a Debian security tracker document");
  for (auto pkg = doc->begin(); pkg != doc->end(); ++pkg) {
    const std::string& package = pkg.key();
    if (!pkg.value().is_object()) return fail(package + " is not an object");
    if (!clean_token(package)) continue;
    for (auto issue = pkg.value().begin(); issue != pkg.value().end(); ++issue) {
      const json* releases = member(issue.value(), "releases");
      if (!releases || !releases->is_object()) {
        return fail(package + "/" + issue.key() + " has no releases");
      }
      if (!clean_token(issue.key())) continue;
      Advisory adv;
      adv.id = issue.key();
      adv.summary = first_line(string_member(issue.value(), "description"));
      for (auto rel = releases->begin(); rel != releases->end(); ++rel) {
        if (!rel.value().is_object()) return fail(package + "/" + adv.id + ": bad release");
        if (auto ap = read_release(package, rel.key(), rel.value())) {
          adv.affected.push_back(std::move(*ap));
        }
      }
      if (adv.affected.empty()) continue;
      ++stats.records;
      if (Status s = sink.add(adv); !s) return s;
    }
  }
  return Status::success();
}

std::string detect_feed_kind(std::string_view text) {
  std::size_t at = text.find_first_not_of(" \t\r\n");
  if (at == std::string_view::npos) return {};
  if (text[at] == '[') return "osv";
  if (text[at] != '{') return {};
  // Look at the first part of the document for the keys that tell formats apart.
  std::string_view head = text.substr(at, 65536);
  if (head.find("\"distroversion\"") != std::string_view::npos ||
      (head.find("\"packages\"") != std::string_view::npos &&
       head.find("\"secfixes\"") != std::string_view::npos)) {
    return "alpine-secdb";
  }
  if (head.find("\"releases\"") != std::string_view::npos &&
      head.find("\"affected\"") == std::string_view::npos) {
    return "debian-tracker";
  }
  if (head.find("\"id\"") != std::string_view::npos) return "osv";
  return {};
}

}  // namespace vern::vulndb
