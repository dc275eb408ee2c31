#include "scan/suppressions.h"

#include <algorithm>
#include <cctype>

namespace vern {

namespace {

bool slug_char(char c) {
  return std::islower(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == ',';
}

// Where a comment starts on this line, or npos.
size_t comment_start(std::string_view line) {
  size_t best = std::string_view::npos;
  for (std::string_view marker : {"#", "//", "<!--"}) {
    size_t p = line.find(marker);
    if (p < best) best = p;
  }
  return best;
}

constexpr std::string_view k_directive = "vern:ignore";

// Adds the suppressions of the directive at `line[d]` (the line's first;
// line number `line_no`) when it is written inside a comment.
void add_directives(std::string_view file, std::string_view line, size_t d, int line_no,
                    std::vector<Suppression>& out) {
  size_t c = comment_start(line);
  if (c == std::string_view::npos || c >= d) return;
  size_t i = d + k_directive.size();
  Suppression::Scope scope = Suppression::Scope::line;
  if (line.substr(i).starts_with("-file")) {
    scope = Suppression::Scope::file;
    i += 5;
  }
  if (i >= line.size() || (line[i] != ' ' && line[i] != '\t')) return;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  std::string slugs;
  while (true) {
    size_t from = i;
    while (i < line.size() && slug_char(line[i])) ++i;
    slugs.append(line.substr(from, i - from));
    // `a, b`: a list may go on after a comma and blanks; after a slug
    // without a comma, the rest of the line is the reason.
    size_t next = i;
    while (next < line.size() && (line[next] == ' ' || line[next] == '\t')) ++next;
    if (slugs.empty() || slugs.back() != ',' || next == i || next >= line.size() ||
        !slug_char(line[next])) {
      break;
    }
    i = next;
  }
  size_t s = 0;
  while (s < slugs.size()) {
    size_t comma = slugs.find(',', s);
    if (comma == std::string_view::npos) comma = slugs.size();
    if (comma > s) {
      Suppression sup;
      sup.scope = scope;
      sup.rule = std::string(slugs.substr(s, comma - s));
      sup.file = std::string(file);
      sup.where = Location{line_no, int(d) + 1};
      out.push_back(std::move(sup));
    }
    s = comma + 1;
  }
}

}  // namespace

std::vector<Suppression> find_comment_suppressions(std::string_view file,
                                                   std::string_view content) {
  std::vector<Suppression> out;
  // Most files hold no directive: one search over the whole text settles
  // them, and lines are counted only up to each directive found.
  size_t counted = 0;  // line_no is the line of content[counted]
  int line_no = 1;
  size_t hit = content.find(k_directive);
  while (hit != std::string_view::npos) {
    size_t pos = content.rfind('\n', hit);
    pos = pos == std::string_view::npos ? 0 : pos + 1;
    line_no += int(std::count(content.begin() + std::ptrdiff_t(counted),
                              content.begin() + std::ptrdiff_t(pos), '\n'));
    counted = pos;
    size_t end = content.find('\n', hit);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    // The search goes on from the end of the last line looked at, so `hit`
    // is the first directive on its line.
    add_directives(file, line, hit - pos, line_no, out);
    hit = content.find(k_directive, end);
  }
  return out;
}

std::vector<Suppression> find_object_suppressions(const Inventory& inventory) {
  std::vector<Suppression> out;
  for (const Workload& w : inventory.workloads) {
    for (const InlineSuppression& s : w.suppressions) {
      out.push_back({Suppression::Scope::object, s.rule, w.file, s.where, w.label(), false});
    }
  }
  for (const Namespace& ns : inventory.namespaces) {
    for (const std::string& rule : ns.suppressed) {
      out.push_back(
          {Suppression::Scope::object, rule, ns.file, ns.where, "Namespace " + ns.name, false});
    }
  }
  for (const PodSecurityPolicy& p : inventory.pod_security_policies) {
    for (const std::string& rule : p.suppressed) {
      out.push_back({Suppression::Scope::object, rule, p.file, p.where,
                     "PodSecurityPolicy " + p.name, false});
    }
  }
  for (const PersistentVolume& v : inventory.persistent_volumes) {
    for (const std::string& rule : v.suppressed) {
      out.push_back(
          {Suppression::Scope::object, rule, v.file, v.where, "PersistentVolume " + v.name, false});
    }
  }
  return out;
}

bool suppress(std::vector<Suppression>& list, const Finding& f) {
  bool hit = false;
  for (Suppression& s : list) {
    if (s.rule != f.rule || s.file != f.file) continue;
    bool covers = false;
    switch (s.scope) {
      case Suppression::Scope::file:
        covers = true;
        break;
      case Suppression::Scope::line:
        covers = f.where.line == s.where.line || f.where.line == s.where.line + 1;
        break;
      case Suppression::Scope::object:
        covers = f.object.compare(0, s.object.size(), s.object) == 0 &&
                 (f.object.size() == s.object.size() || f.object[s.object.size()] == ' ');
        break;
    }
    if (covers) {
      s.used = true;
      hit = true;
    }
  }
  return hit;
}

int remove_suppressed(std::vector<Suppression>& list, std::vector<Finding>& findings) {
  return int(std::erase_if(findings, [&](const Finding& f) { return suppress(list, f); }));
}

}  // namespace vern
