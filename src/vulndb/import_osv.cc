#include <nlohmann/json.hpp>

#include "vulndb/ecosystem.h"
#include "vulndb/importers.h"
#include "vulndb/json_fields.h"

namespace vern::vulndb {

namespace {

using nlohmann::json;

Status osv_error(std::string_view name, const std::string& id, const std::string& what) {
  std::string msg = std::string(name) + ": ";
  if (!id.empty()) msg += "record " + id + ": ";
  return Error::invalid(msg + what);
}

// Reads the events of one ECOSYSTEM or SEMVER range.
Result<AffectedRange> read_range(const json& range) {
  AffectedRange out;
  const json* events = member(range, "events");
  if (!events || !events->is_array()) return Error::invalid("range without an events list");
  for (const json& e : *events) {
    if (!e.is_object() || e.size() != 1) return Error::invalid("range event is not one key");
    auto it = e.begin();
    RangeEvent ev;
    if (it.key() == "introduced") {
      ev.kind = RangeEvent::Kind::introduced;
    } else if (it.key() == "fixed") {
      ev.kind = RangeEvent::Kind::fixed;
    } else if (it.key() == "last_affected") {
      ev.kind = RangeEvent::Kind::last_affected;
    } else if (it.key() == "limit") {
      ev.kind = RangeEvent::Kind::limit;
    } else {
      return Error::invalid("unknown range event '" + it.key() + "'");
    }
    if (!it.value().is_string()) return Error::invalid("range event version is not a string");
    ev.version = it.value().get<std::string>();
    if (!clean_token(ev.version)) return Error::invalid("range event version has control bytes");
    out.events.push_back(std::move(ev));
  }
  return out;
}

// The distribution's own rating written into an affected entry, if any.
void read_distro_rating(const json& affected, AffectedPackage& pkg) {
  if (const json* es = member(affected, "ecosystem_specific")) {
    if (std::string u = string_member(*es, "urgency"); !u.empty()) {
      pkg.distro_severity = parse_distro_rating(u);
      if (pkg.distro_severity != VulnSeverity::unknown) {
        pkg.distro_rater = pkg.ecosystem.substr(0, pkg.ecosystem.find(':'));
      }
    }
  }
}

Status read_record(const json& rec, std::string_view name, AdvisorySink& sink, ImportStats& stats) {
  if (!rec.is_object()) return osv_error(name, "", "OSV record is not an object");
  Advisory adv;
  adv.id = string_member(rec, "id");
  if (adv.id.empty() || !clean_token(adv.id)) return osv_error(name, "", "OSV record has no id");
  adv.modified = string_member(rec, "modified");
  if (member(rec, "withdrawn")) {
    ++stats.withdrawn;
    return Status::success();
  }
  for (const char* key : {"aliases", "upstream"}) {
    if (const json* a = member(rec, key); a && a->is_array()) {
      for (const json& x : *a) {
        if (x.is_string() && clean_token(x.get<std::string>())) {
          adv.aliases.push_back(x.get<std::string>());
        }
      }
    }
  }
  adv.summary = first_line(string_member(rec, "summary"));
  if (adv.summary.empty()) adv.summary = first_line(string_member(rec, "details"));

  VulnSeverity ubuntu = VulnSeverity::unknown;
  if (const json* sev = member(rec, "severity"); sev && sev->is_array()) {
    for (const json& s : *sev) {
      std::string type = string_member(s, "type"), score = string_member(s, "score");
      if (type == "CVSS_V3") adv.cvss3 = score;
      if (type == "CVSS_V4") adv.cvss4 = score;
      if (type == "Ubuntu") ubuntu = parse_distro_rating(score);
    }
  }
  const json* affected = member(rec, "affected");
  if (affected && !affected->is_array()) return osv_error(name, adv.id, "affected is not a list");
  if (affected) {
    for (const json& a : *affected) {
      const json* pkg = member(a, "package");
      if (!pkg) continue;
      AffectedPackage ap;
      std::string eco = string_member(*pkg, "ecosystem");
      ap.package = string_member(*pkg, "name");
      if (eco.empty() || ap.package.empty() || !clean_token(ap.package)) continue;
      ap.ecosystem = ecosystem_from_osv(eco);
      if (const json* ranges = member(a, "ranges"); ranges && ranges->is_array()) {
        for (const json& r : *ranges) {
          std::string type = string_member(r, "type");
          if (type != "ECOSYSTEM" && type != "SEMVER") continue;  // GIT ranges name commits
          auto range = read_range(r);
          if (!range) return osv_error(name, adv.id, range.error().message);
          ap.ranges.push_back(std::move(*range));
        }
      }
      if (const json* versions = member(a, "versions"); versions && versions->is_array()) {
        for (const json& v : *versions) {
          if (v.is_string() && clean_token(v.get<std::string>())) {
            ap.versions.push_back(v.get<std::string>());
          }
        }
      }
      read_distro_rating(a, ap);
      if (ap.distro_severity == VulnSeverity::unknown && ubuntu != VulnSeverity::unknown) {
        ap.distro_severity = ubuntu;
        ap.distro_rater = "ubuntu";
      }
      if (ap.ranges.empty() && ap.versions.empty()) continue;
      adv.affected.push_back(std::move(ap));
    }
  }
  if (adv.modified > stats.newest) stats.newest = adv.modified;
  ++stats.records;
  return sink.add(adv);
}

}  // namespace

Status import_osv(std::string_view text, std::string_view name, AdvisorySink& sink,
                  ImportStats& stats) {
  auto doc = parse_json(text, name);
  if (!doc) return doc.error();
  if (doc->is_array()) {
    for (const json& rec : *doc) {
      if (Status s = read_record(rec, name, sink, stats); !s) return s;
    }
    return Status::success();
  }
  return read_record(*doc, name, sink, stats);
}

}  // namespace vern::vulndb
