#include "sources/dockerfile/translate.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "sources/dockerfile/parser.h"
#include "sources/dockerfile/run_commands.h"
#include "sources/dockerfile/words.h"
#include "sources/shell/docker_run.h"
#include "util/strings.h"

namespace vern {
namespace {

using dockerfile::Expanded;
using dockerfile::Instruction;
using dockerfile::RawWord;
using dockerfile::Vars;

// What a stage carries into the stages built FROM it.
struct StageState {
  BuildStage info;
  Vars vars;
  Located<std::string> user;
  std::vector<EnvVar> env;
  std::vector<PortMapping> ports;
  Located<bool> healthcheck;
  std::vector<std::string> shell;  // the SHELL instruction's words; empty for /bin/sh -c
};

class Translator {
 public:
  Translator(std::string_view path, const DockerfileOptions& options)
      : m_path(path), m_options(options) {}

  Translation run(std::string_view content) {
    dockerfile::Parsed parsed = dockerfile::parse(content);
    m_escape = parsed.escape;
    for (Error& e : parsed.errors) error(std::move(e));
    m_build.file = m_path;
    m_build.dockerignore = m_options.dockerignore;
    if (!parsed.instructions.empty()) m_build.where = parsed.instructions.front().where;
    for (const Instruction& ins : parsed.instructions) instruction(ins);
    if (m_stages.empty()) {
      if (!parsed.instructions.empty() || parsed.errors.empty()) {
        Location at = m_build.where.known() ? m_build.where : Location{1, 1};
        error(Error::invalid("no FROM instruction: not a Dockerfile that can be built", at.line,
                             at.column));
      }
      return std::move(m_out);
    }
    finish();
    return std::move(m_out);
  }

 private:
  void error(Error e) {
    e.file = m_path;
    m_out.errors.push_back(std::move(e));
  }

  Expanded expand(const RawWord& w) {
    const Vars& vars = m_stages.empty() ? m_global : m_stages.back().vars;
    return dockerfile::process_word(w.text, vars, m_escape);
  }

  std::vector<RawWord> words(const Instruction& ins) {
    return dockerfile::split_words(ins.args, m_escape);
  }

  void instruction(const Instruction& ins) {
    const std::string& k = ins.keyword;
    if (k == "FROM") return from(ins);
    if (k == "ARG") return arg(ins);
    if (m_stages.empty()) {
      error(Error::invalid(k + " before the first FROM", ins.where.line, ins.where.column));
      return;
    }
    StageState& st = m_stages.back();
    if (k == "ENV") {
      env(ins, st);
    } else if (k == "USER") {
      auto ws = words(ins);
      if (ws.empty()) return;
      Expanded e = expand(ws[0]);
      st.user = e.resolved ? Located<std::string>::literal(e.text, ws[0].where)
                           : Located<std::string>::dynamic(ws[0].where);
    } else if (k == "EXPOSE") {
      for (const RawWord& w : words(ins)) {
        Expanded e = expand(w);
        if (!e.resolved) continue;
        auto p = shell::parse_publish(e.text, w.where);
        if (!p) continue;
        p->published = false;
        p->host_first = p->host_last = 0;
        st.ports.push_back(std::move(*p));
      }
    } else if (k == "HEALTHCHECK") {
      auto ws = words(ins);
      bool none = !ws.empty() && to_lower(ws[0].text) == "none";
      st.healthcheck = Located<bool>::literal(!none, ins.where);
    } else if (k == "SHELL" && ins.exec_form && !ins.exec.empty()) {
      st.shell = ins.exec;
    } else if (k == "RUN") {
      mount_images(ins);
      ShellScript script = dockerfile::run_script(ins, st.shell);
      script.file = m_path;
      script.object = object();
      m_out.inventory.scripts.push_back(std::move(script));
    } else if (k == "ADD" || k == "COPY") {
      copy(ins);
    } else if (k == "ONBUILD") {
      onbuild(ins);
    }
  }

  // `ONBUILD RUN …` and `ONBUILD ADD …` run in every build FROM this image:
  // their downloads are this file's; so are the values `ONBUILD ENV` and
  // `ONBUILD ARG` write into every child. What else they do (COPY, USER)
  // concerns the child build; its ADD reads the child's context
  // (BuildCopy::onbuild).
  void onbuild(const Instruction& ins) {
    const std::string& text = ins.args.text();
    dockerfile::Parsed inner = dockerfile::parse(text);
    if (inner.instructions.size() != 1) return;
    Instruction trigger = std::move(inner.instructions.front());
    if (trigger.keyword != "RUN" && trigger.keyword != "ADD" && trigger.keyword != "ENV" &&
        trigger.keyword != "ARG") {
      return;
    }
    // The trigger was parsed from the joined text alone: map its positions
    // back through the ONBUILD's arguments, which know the file's.
    auto offset = [&](Location at) { return std::size_t(at.column - 1); };
    trigger.where = ins.args.at(offset(trigger.where));
    if (trigger.args.size() > 0) {
      std::size_t begin = offset(trigger.args.at(0));
      trigger.args = ins.args.slice(begin, begin + trigger.args.size());
    }
    for (Location& at : trigger.exec_where) at = ins.args.at(offset(at));
    if (trigger.keyword == "RUN") return instruction(trigger);
    if (trigger.keyword == "ENV") {
      StageState child;  // the child build's variables are not known here
      env(trigger, child);
      for (EnvVar& v : child.info.env) m_stages.back().info.onbuild_env.push_back(std::move(v));
      return;
    }
    if (trigger.keyword == "ARG") return arg(trigger, /*onbuild=*/true);
    copy(trigger);
    m_build.copies.back().onbuild = true;
  }

  std::string object() const {
    const std::string& name = m_stages.back().info.name;
    return name.empty() ? "Dockerfile" : "Dockerfile stage " + name;
  }

  // The variables a FROM sees: the ARGs declared before the first FROM; any
  // other name it uses expands to nothing, as BuildKit expands it, except the
  // platform arguments BuildKit sets itself (unknown here).
  Vars from_scope(std::string_view word) const {
    static constexpr std::string_view k_platform_args[] = {
        "BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT",
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT"};
    Vars scope = m_global;
    for (std::size_t i = word.find('$'); i != std::string_view::npos; i = word.find('$', i + 1)) {
      std::size_t begin = i + 1 < word.size() && word[i + 1] == '{' ? i + 2 : i + 1;
      std::size_t end = begin;
      while (end < word.size() &&
             (std::isalnum(static_cast<unsigned char>(word[end])) || word[end] == '_')) {
        ++end;
      }
      std::string_view name = word.substr(begin, end - begin);
      if (name.empty() || scope.count(name)) continue;
      if (std::find(std::begin(k_platform_args), std::end(k_platform_args), name) !=
          std::end(k_platform_args)) {
        continue;
      }
      scope.emplace(std::string(name), std::string());
    }
    return scope;
  }

  void from(const Instruction& ins) {
    auto ws = words(ins);
    if (ws.empty()) {
      error(Error::invalid("FROM requires an image", ins.where.line, ins.where.column));
      return;
    }
    StageState st;
    st.info.where = ins.where;
    Expanded e = dockerfile::process_word(ws[0].text, from_scope(ws[0].text), m_escape);
    const bool names_nothing = e.resolved && e.text.empty();
    if (names_nothing) {
      error(Error::invalid("FROM names no image: " + ws[0].text +
                               " expands to nothing (a variable in FROM must be declared by an "
                               "ARG before the first FROM)",
                           ws[0].where.line, ws[0].where.column));
      e.resolved = false;
    }
    if (ws.size() >= 3 && to_lower(ws[1].text) == "as") st.info.name = to_lower(ws[2].text);
    ImageRef ref = parse_image_ref(e.resolved ? e.text : ws[0].text);
    std::string key = to_lower(e.text);
    int parent = -1;
    for (std::size_t s = 0; e.resolved && s < m_stages.size(); ++s) {
      if (!m_stages[s].info.name.empty() && m_stages[s].info.name == key) parent = int(s);
    }
    if (names_nothing) {
      // The error says it: no image to check, rather than an unknown one.
      st.info.base = Located<ImageRef>::absent(ws[0].where);
    } else if (!e.resolved) {
      ref.dynamic = true;
      st.info.base = Located<ImageRef>{Presence::dynamic, ref, ws[0].where};
    } else {
      ref.stage = parent >= 0;
      ref.scratch = parent < 0 && key == "scratch";
      st.info.base = Located<ImageRef>::literal(ref, ws[0].where);
    }
    st.info.parent = parent;
    st.user = Located<std::string>::absent(ins.where);
    st.healthcheck = Located<bool>::absent(ins.where);
    if (parent >= 0) {
      const StageState& p = m_stages[std::size_t(parent)];
      // What the earlier stage wrote is inherited where it was written; what
      // it left unset is missing here, at this stage's FROM.
      if (!p.user.is_absent()) st.user = p.user;
      if (!p.healthcheck.is_absent()) st.healthcheck = p.healthcheck;
      st.env = p.env;
      st.ports = p.ports;
      st.shell = p.shell;
    }
    m_stages.push_back(std::move(st));
  }

  // An `ONBUILD ARG` (`onbuild`) is declared in the child builds: it changes
  // nothing here, and what its default refers to is the child's.
  void arg(const Instruction& ins, bool onbuild = false) {
    Vars child;
    for (const RawWord& w : words(ins)) {
      std::size_t eq = w.text.find('=');
      BuildArg a;
      a.name = w.text.substr(0, eq);
      a.where = w.where;
      a.stage = int(m_stages.size()) - 1;
      a.onbuild = onbuild;
      Vars& scope = onbuild ? child : m_stages.empty() ? m_global : m_stages.back().vars;
      std::optional<std::string> value;
      if (eq != std::string::npos) {
        Expanded e =
            dockerfile::process_word(std::string_view(w.text).substr(eq + 1), scope, m_escape);
        a.default_value = e.resolved ? Located<std::string>::literal(e.text, w.where)
                                     : Located<std::string>::dynamic(w.where);
        if (e.resolved) value = e.text;
      } else {
        a.default_value = Located<std::string>::absent(w.where);
        if (!m_stages.empty() && !onbuild) {
          auto g = m_global.find(a.name);
          if (g != m_global.end()) value = g->second;
        }
      }
      scope[a.name] = value;
      m_build.args.push_back(std::move(a));
    }
  }

  void env(const Instruction& ins, StageState& st) {
    auto ws = words(ins);
    if (ws.empty()) return;
    auto set = [&](std::string name, Location where, const Expanded& value) {
      EnvVar v;
      v.name = name;
      v.where = where;
      v.value = value.resolved ? Located<std::string>::literal(value.text, where)
                               : Located<std::string>::dynamic(where);
      std::erase_if(st.env, [&](const EnvVar& x) { return x.name == name; });
      st.info.env.push_back(v);
      st.env.push_back(std::move(v));
      st.vars[name] = value.resolved ? std::optional<std::string>(value.text) : std::nullopt;
    };
    if (ws[0].text.find('=') == std::string::npos) {  // legacy `ENV NAME value words`
      std::string rest;
      for (std::size_t k = 1; k < ws.size(); ++k) rest += (k > 1 ? " " : "") + ws[k].text;
      set(ws[0].text, ws[0].where, dockerfile::process_word(rest, st.vars, m_escape));
      return;
    }
    for (const RawWord& w : ws) {
      std::size_t eq = w.text.find('=');
      if (eq == std::string::npos) continue;
      Expanded name =
          dockerfile::process_word(std::string_view(w.text).substr(0, eq), st.vars, m_escape);
      set(name.text, w.where,
          dockerfile::process_word(std::string_view(w.text).substr(eq + 1), st.vars, m_escape));
    }
  }

  void copy(const Instruction& ins) {
    BuildCopy c;
    c.instruction = ins.keyword;
    c.where = ins.where;
    c.stage = int(m_stages.size()) - 1;
    for (const dockerfile::Flag& f : ins.flags) {
      if (f.name == "from") {
        c.from_other = true;
        from_image(f);
      }
      if (f.name == "checksum") c.has_checksum = true;
    }
    std::vector<Located<std::string>> items;
    if (ins.exec_form) {
      for (std::size_t i = 0; i < ins.exec.size(); ++i) {
        Location at = i < ins.exec_where.size() ? ins.exec_where[i] : ins.where;
        items.push_back(Located<std::string>::literal(ins.exec[i], at));
      }
    } else {
      for (const RawWord& w : words(ins)) {
        if (w.text.starts_with("<<")) {
          c.heredoc = true;
          continue;
        }
        Expanded e = expand(w);
        items.push_back(e.resolved ? Located<std::string>::literal(e.text, w.where)
                                   : Located<std::string>::dynamic(w.where));
      }
    }
    if (!items.empty()) {
      c.destination = items.back().value;
      items.pop_back();
    }
    c.sources = std::move(items);
    m_build.copies.push_back(std::move(c));
  }

  // `RUN --mount=type=bind,from=golang:1.22,target=/src` (also cache and
  // secret mounts) reads another stage or an image.
  void mount_images(const Instruction& ins) {
    for (const dockerfile::Flag& f : ins.flags) {
      if (f.name != "mount") continue;
      std::string_view v = f.value;
      for (std::size_t pos = 0; pos <= v.size();) {
        std::size_t comma = v.find(',', pos);
        std::string_view field =
            v.substr(pos, comma == std::string_view::npos ? v.npos : comma - pos);
        if (field.size() > 5 && to_lower(field.substr(0, 5)) == "from=") {
          dockerfile::Flag from = f;
          from.value = std::string(field.substr(5));
          from.value_where.column += int(pos + 5);
          from_image(from);
        }
        if (comma == std::string_view::npos) break;
        pos = comma + 1;
      }
    }
  }

  // `COPY --from=nginx:1.25` names an image unless it names a stage or index.
  void from_image(const dockerfile::Flag& f) {
    Expanded e = dockerfile::process_word(f.value, m_stages.back().vars, m_escape);
    std::string key = to_lower(e.text);
    if (key.empty() || std::isdigit(static_cast<unsigned char>(key[0]))) return;
    for (const StageState& s : m_stages) {
      if (s.info.name == key) return;
    }
    ImageRef ref = parse_image_ref(e.resolved ? e.text : f.value);
    if (!e.resolved) ref.dynamic = true;
    m_copy_images.push_back(e.resolved ? Located<ImageRef>::literal(ref, f.value_where)
                                       : Located<ImageRef>{Presence::dynamic, ref, f.value_where});
  }

  void finish();

  std::string m_path;
  DockerfileOptions m_options;
  char m_escape = '\\';
  Vars m_global;
  std::vector<StageState> m_stages;
  std::vector<Located<ImageRef>> m_copy_images;
  BuildFile m_build;
  Translation m_out;
};

void Translator::finish() {
  int target = int(m_stages.size()) - 1;
  if (!m_options.target.empty()) {
    std::string want = to_lower(m_options.target);
    int found = -1;
    for (std::size_t s = 0; s < m_stages.size(); ++s) {
      if (m_stages[s].info.name == want) found = int(s);
    }
    if (found < 0) {
      error(Error::invalid("target stage \"" + m_options.target + "\" not found"));
    } else {
      target = found;
    }
  }
  const StageState& st = m_stages[std::size_t(target)];
  Location at = st.info.where;
  Workload w;
  w.surface = Surface::dockerfile;
  w.file = m_path;
  w.kind = "Dockerfile";
  w.name = st.info.name.empty() ? std::filesystem::path(m_path).filename().string() : st.info.name;
  w.where = at;
  w.host_network = Located<bool>::absent(at);
  w.host_pid = Located<bool>::absent(at);
  w.host_ipc = Located<bool>::absent(at);
  w.network_mode = Located<std::string>::absent(at);
  w.userns_mode = Located<std::string>::absent(at);
  w.pod_spec_where = at;
  w.automount_sa_token = Located<bool>::absent(at);
  for (int s = 0; s <= target; ++s) {
    const Located<ImageRef>& base = m_stages[std::size_t(s)].info.base;
    if (base.value.stage || base.value.scratch) continue;
    if (s == target) continue;  // the container's own image
    w.other_images.push_back(base);
  }
  for (const Located<ImageRef>& img : m_copy_images) w.other_images.push_back(img);

  Container c;
  c.name = st.info.name;
  c.where = at;
  c.image = st.info.base;
  c.user = st.user;
  c.env = st.env;
  c.ports = st.ports;
  c.healthcheck = st.healthcheck;
  c.run_as_non_root = Located<bool>::absent(at);
  c.run_as_user = Located<std::int64_t>::absent(at);
  c.privileged = Located<bool>::absent(at);
  c.allow_privilege_escalation = Located<bool>::absent(at);
  c.no_new_privileges = Located<bool>::absent(at);
  c.caps.where = at;
  c.seccomp = Located<std::string>::absent(at);
  c.apparmor = Located<std::string>::absent(at);
  c.read_only_rootfs = Located<bool>::absent(at);
  c.resources.memory_limit = Located<std::string>::absent(at);
  c.resources.cpu_limit = Located<std::string>::absent(at);
  c.resources.pids_limit = Located<std::string>::absent(at);
  w.containers.push_back(std::move(c));
  m_out.inventory.workloads.push_back(std::move(w));

  for (const StageState& s : m_stages) m_build.stages.push_back(s.info);
  m_build.target = target;
  m_out.inventory.build_files.push_back(std::move(m_build));
}

}  // namespace

Translation translate_dockerfile(std::string_view path, std::string_view content,
                                 const DockerfileOptions& options) {
  return Translator(path, options).run(content);
}

IgnoreFile find_dockerignore(std::string_view dockerfile_path) {
  std::filesystem::path p(dockerfile_path);
  std::error_code ec;
  std::filesystem::path own = p;
  own += ".dockerignore";
  if (std::filesystem::exists(own, ec)) return IgnoreFile::present;
  if (std::filesystem::exists(p.parent_path() / ".dockerignore", ec)) return IgnoreFile::present;
  return ec ? IgnoreFile::unknown : IgnoreFile::missing;
}

}  // namespace vern
