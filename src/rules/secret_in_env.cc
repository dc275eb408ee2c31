// secret-in-env: an environment variable holds a literal secret. The finding
// names the variable, never its value.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "rules/helpers.h"
#include "rules/object_finding.h"
#include "rules/secret_names.h"
#include "rules/subject.h"
#include "util/strings.h"

namespace vern {

namespace {

constexpr RuleInfo k_info{
    .slug = "secret-in-env",
    .title = "Secret in an environment variable",
    .severity = Severity::high,
    .surfaces = {Surface::dockerfile, Surface::compose, Surface::kubernetes, Surface::run,
                 Surface::host, Surface::image, Surface::enforcement},
    .rationale =
        "A secret written as a literal environment value ends up in version control, in the "
        "image config (docker history, docker inspect), in the orchestrator's API and in "
        "every crash dump of the process's environment.",
    .remedy =
        "Pass the secret at run time from a secret store: Kubernetes secretKeyRef, "
        "Compose secrets, a *_FILE variable pointing at a mounted file.",
    .cis = "4.10",
};

// True iff `value` is a URL whose userinfo holds a password: scheme://user:pw@host.
bool url_with_password(std::string_view value) {
  size_t scheme = value.find("://");
  if (scheme == std::string_view::npos || scheme == 0) return false;
  for (char ch : value.substr(0, scheme)) {
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '+' && ch != '-' && ch != '.') {
      return false;
    }
  }
  std::string_view rest = value.substr(scheme + 3);
  // The authority ends where the path, query or fragment starts, or at white
  // space: a multi-line value (a Caddyfile) goes on after its first URL.
  std::string_view authority = rest.substr(0, rest.find_first_of("/?# \t\r\n"));
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return false;
  std::string_view userinfo = authority.substr(0, at);
  size_t colon = userinfo.find(':');
  return colon != std::string_view::npos && colon + 1 < userinfo.size();
}

// True iff `value` is a yes/no switch (`MYSQL_RANDOM_ROOT_PASSWORD=yes`,
// `MYSQL_ALLOW_EMPTY_PASSWORD=1`): such a variable configures how a secret
// is made, it does not hold one.
bool switch_value(std::string_view value) {
  static constexpr std::string_view k_words[] = {"yes",   "no", "y",   "n", "true",
                                                 "false", "on", "off", "1", "0"};
  return std::any_of(std::begin(k_words), std::end(k_words),
                     [&](std::string_view w) { return iequals(value, w); });
}

// Why `var` holds a literal secret (" holds a literal value", " holds a URL
// with a password"); empty when it does not.
std::string_view secret_reason(const EnvVar& var) {
  if (!var.value.is_literal() || var.value.value.empty()) return {};
  const std::string& value = var.value.value;
  if (url_with_password(value)) return " holds a URL with a password";
  if (secret_like_name(var.name) && !value.starts_with('/') && !switch_value(value)) {
    return " holds a literal value";
  }
  return {};
}

// True iff stage `s` is the target of `b` or a stage the target is built FROM:
// their variables are the container's, checked with it.
bool in_target_chain(const BuildFile& b, int s) {
  for (int at = b.target; at >= 0 && at < int(b.stages.size());
       at = b.stages[std::size_t(at)].parent) {
    if (at == s) return true;
  }
  return false;
}

// ENV of the Dockerfile stages the built image does not descend from: their
// values are still written in the Dockerfile and kept in build caches. In the
// stages it does descend from, a value set again later is not the
// container's, but the earlier layer's config keeps it in the image history.
// `carried` are the places of the variables the built container has (its
// findings are made with it).
void check_stage_env(const BuildFile& b, const std::vector<Location>& carried, FindingSink& out) {
  for (std::size_t s = 0; s < b.stages.size(); ++s) {
    const bool built = in_target_chain(b, int(s));
    const BuildStage& stage = b.stages[s];
    std::string object = stage.name.empty() ? "Dockerfile" : "Dockerfile stage " + stage.name;
    std::string who = stage.name.empty() ? "Dockerfile stage " + std::to_string(s)
                                         : "Dockerfile stage \"" + stage.name + '"';
    for (const EnvVar& var : stage.onbuild_env) {
      std::string_view why = secret_reason(var);
      if (why.empty()) continue;
      out.add(make_object_finding(k_info, b.file, var.where, object,
                                  who + ": ONBUILD ENV " + var.name + std::string(why) +
                                      " (set in every image built FROM this one)"));
    }
    for (const EnvVar& var : stage.env) {
      if (built && std::find(carried.begin(), carried.end(), var.where) != carried.end()) continue;
      std::string_view why = secret_reason(var);
      if (why.empty()) continue;
      std::string message = who + ": environment variable " + var.name + std::string(why);
      if (built) message += " (set again later, but kept in the image history)";
      out.add(make_object_finding(k_info, b.file, var.where, object, std::move(message)));
    }
  }
}

void check(const Inventory& inventory, const RuleOptions&, FindingSink& out) {
  for (const Workload& w : inventory.workloads) {
    if (!applies(k_info, w)) continue;
    for (const Container& c : w.containers) {
      for (const EnvVar& var : c.env) {
        std::string_view why = secret_reason(var);
        if (why.empty()) continue;
        out.add(
            make_finding(k_info, w, &c, var.where,
                         subject(w, c) + ": environment variable " + var.name + std::string(why)));
      }
    }
  }
  for (const BuildFile& b : inventory.build_files) {
    std::vector<Location> carried;
    for (const Workload& w : inventory.workloads) {
      if (w.surface != Surface::dockerfile || w.file != b.file) continue;
      for (const Container& c : w.containers) {
        for (const EnvVar& var : c.env) carried.push_back(var.where);
      }
    }
    check_stage_env(b, carried, out);
  }
}

}  // namespace

extern const Rule k_secret_in_env;
const Rule k_secret_in_env{k_info, RuleScope::unit, &check};

}  // namespace vern
