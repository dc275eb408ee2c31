#include "sources/shell/docker_run.h"

#include "sources/shell/docker_flags.h"
#include "sources/shell/handed_on.h"
#include "sources/shell/launch_model.h"
#include "sources/shell/stdin_script.h"
#include "sources/shell/tokenizer.h"
#include "sources/short_syntax.h"

namespace vern::shell {
namespace {

// Global options of `docker`/`podman` that take a value (`docker -H tcp://… run`).
bool global_takes_value(std::string_view opt) {
  static constexpr std::string_view k_opts[] = {"-H",
                                                "--host",
                                                "-c",
                                                "--context",
                                                "--config",
                                                "-l",
                                                "--log-level",
                                                "--tlscacert",
                                                "--tlscert",
                                                "--tlskey",
                                                "--connection",
                                                "--url",
                                                "--root",
                                                "--runroot",
                                                "--identity",
                                                "--storage-driver",
                                                "--cgroup-manager",
                                                "--runtime",
                                                "--events-backend"};
  for (std::string_view o : k_opts) {
    if (o == opt) return true;
  }
  return false;
}

class LaunchParser {
 public:
  LaunchParser(const ShellCommand& cmd, std::size_t start, Launch& out, Engine engine, bool create)
      : m_words(cmd.words), m_j(start), m_out(out), m_engine(engine), m_create(create) {
    // `xargs docker run …` appends its input to the words written.
    for (std::size_t k = 0; k < cmd.command_index && k < m_words.size(); ++k) {
      if (m_words[k].literal && program_name(m_words[k]) == "xargs") m_input_appended = true;
    }
  }

  // False when the command asks for help (`docker run --help`): it starts
  // nothing.
  bool run() {
    while (m_j < m_words.size()) {
      const ShellWord& w = m_words[m_j];
      std::string_view t = w.text;
      if (t == "--") {
        ++m_j;
        break;
      }
      if (t == "--help") return false;
      // `docker run $DOCKER_OPTS --privileged nginx`: a variable followed by
      // more flags holds options, not the image.
      if (!w.literal && options_then_image(m_j + 1)) {
        // What it sets is unknown, so nothing counts as unset.
        m_out.workload.partial = true;
        ++m_j;
        continue;
      }
      if (t.size() < 2 || t[0] != '-') break;
      if (t[1] == '-') {
        long_flag(w);
      } else {
        short_flags(w);
      }
    }
    if (m_publish_all) publish_exposed();
    image();
    return true;
  }

 private:
  // True iff the words from `k` on are at least one flag this command knows
  // (with its value) and then a word that is not a flag: what comes before
  // them is more options, not the image (`$IMAGE --verbose` is an image and
  // its command's argument).
  bool options_then_image(std::size_t k) const {
    bool flags = false;
    while (k < m_words.size()) {
      std::string_view t = m_words[k].text;
      if (t.size() < 2 || t[0] != '-') return flags;
      if (t == "--") return flags && k + 1 < m_words.size();
      const FlagSpec* f = nullptr;
      bool attached = false;
      if (t[1] == '-') {
        std::size_t eq = t.find('=');
        attached = eq != std::string_view::npos;
        f = find_long_flag(t.substr(2, attached ? eq - 2 : std::string_view::npos), m_engine,
                           m_create);
      } else {
        // Combined short flags: all known; a value-taking one ends the word
        // or takes the next.
        for (std::size_t c = 1; c < t.size(); ++c) {
          f = find_short_flag(t[c], m_engine, m_create);
          if (!f) return false;
          if (f->takes_value) {
            attached = c + 1 < t.size();
            break;
          }
        }
      }
      if (!f) return false;
      flags = true;
      k += f->takes_value && !attached ? 2 : 1;
    }
    return false;
  }

  void apply(FlagId id, const FlagValue& v) {
    if (id == FlagId::publish_all) m_publish_all = v.literal && v.text == "true";
    apply_flag(id, v, m_out.workload);
  }

  // `-P` publishes every exposed port on a random port of every host
  // interface. Only the `--expose` ports of this command are known; the
  // image's own EXPOSE list is not guessed.
  void publish_exposed() {
    for (PortMapping& p : m_out.workload.containers.front().ports) {
      if (p.published) continue;
      p.published = true;
      p.host_ip = Located<std::string>::absent(p.where);
      p.host_first = p.host_last = 0;
    }
  }

  void issue(Location where, std::string message) {
    CommandIssue i;
    i.where = where;
    i.message = std::move(message);
    m_out.issues.push_back(std::move(i));
  }

  // The value of a value-taking flag: attached text, or the next word.
  bool value(const ShellWord& w, std::string_view flag, std::string_view attached,
             bool has_attached, FlagValue& v) {
    v.where = w.where;
    if (has_attached) {
      v.text = std::string(attached);
      v.literal = w.literal;
      ++m_j;
      return true;
    }
    if (m_j + 1 >= m_words.size()) {
      issue(w.where, "flag needs an argument: " + std::string(flag));
      ++m_j;
      return false;
    }
    const ShellWord& next = m_words[m_j + 1];
    v.text = next.text;
    v.literal = next.literal;
    m_j += 2;
    return true;
  }

  void boolean(const FlagSpec& f, const ShellWord& w, std::string_view flag,
               std::string_view attached, bool has_attached) {
    FlagValue v{"true", w.where, w.literal || !has_attached};
    if (has_attached) {
      if (attached == "true" || attached == "1" || attached == "t" || attached == "TRUE" ||
          attached == "True" || attached == "T") {
        v.text = "true";
      } else if (attached == "false" || attached == "0" || attached == "f" || attached == "FALSE" ||
                 attached == "False" || attached == "F") {
        v.text = "false";
      } else if (w.literal) {
        issue(w.where, "invalid argument \"" + std::string(attached) + "\" for " +
                           std::string(flag) + ": not a boolean");
        return;
      }
    }
    apply(f.id, v);
  }

  void long_flag(const ShellWord& w) {
    std::string_view t = w.text;
    std::size_t eq = t.find('=');
    std::string_view name =
        t.substr(2, eq == std::string_view::npos ? std::string_view::npos : eq - 2);
    bool has_attached = eq != std::string_view::npos;
    std::string_view attached = has_attached ? t.substr(eq + 1) : std::string_view();
    std::string flag = "--" + std::string(name);
    const FlagSpec* f = find_long_flag(name, m_engine, m_create);
    if (!f) {
      // podman has more flags than we list; only docker's set is closed.
      if (m_engine == Engine::docker && w.literal) issue(w.where, "unknown flag: " + flag);
      ++m_j;
      return;
    }
    if (!f->takes_value) {
      ++m_j;
      boolean(*f, w, flag, attached, has_attached);
      return;
    }
    FlagValue v;
    if (value(w, flag, attached, has_attached, v)) apply(f->id, v);
  }

  void short_flags(const ShellWord& w) {
    std::string_view t = w.text;
    for (std::size_t k = 1; k < t.size(); ++k) {
      char c = t[k];
      const FlagSpec* f = find_short_flag(c, m_engine, m_create);
      std::string flag = std::string("-") + c;
      if (!f) {
        if (w.literal && c != '=') {
          issue(w.where,
                "unknown shorthand flag: '" + std::string(1, c) + "' in " + std::string(t));
        }
        ++m_j;
        return;
      }
      if (f->takes_value) {
        std::string_view rest = t.substr(k + 1);
        if (!rest.empty() && rest[0] == '=') rest.remove_prefix(1);
        FlagValue v;
        if (value(w, flag, rest, !rest.empty(), v)) apply(f->id, v);
        return;
      }
      bool last = k + 1 == t.size();
      if (!last && t[k + 1] == '=') {
        ++m_j;
        boolean(*f, w, flag, t.substr(k + 2), true);
        return;
      }
      apply(f->id, FlagValue{"true", w.where, true});
    }
    ++m_j;
  }

  void image() {
    Container& c = m_out.workload.containers.front();
    if (m_j >= m_words.size() && m_input_appended) {
      // `xargs docker run --privileged`: the input brings the image, and
      // perhaps more options, so what is not written is unknown.
      c.image = Located<ImageRef>::dynamic(m_out.where);
      m_out.workload.partial = true;
      return;
    }
    if (m_j >= m_words.size()) {
      // The CLI stops at its first complaint: a flag that ate the last word
      // is the one reported.
      if (m_out.issues.empty()) {
        issue(m_out.where, m_out.kind + " requires at least 1 argument (the image)");
      }
      c.image = Located<ImageRef>::absent(m_out.where);
      m_out.starts_container = false;
      return;
    }
    const ShellWord& w = m_words[m_j];
    // A wrapper's `docker run "$@"`: options and image are all the caller's.
    if (!w.literal && (w.text == "$@" || w.text == "$*" || w.text == "${@}" || w.text == "${*}")) {
      m_out.workload.partial = true;
    }
    ImageRef ref = parse_image_ref(w.text);
    if (!w.literal) {
      ref.dynamic = true;
      c.image = Located<ImageRef>{Presence::dynamic, ref, w.where};
    } else {
      c.image = Located<ImageRef>::literal(ref, w.where);
    }
    if (m_out.workload.name.empty()) m_out.workload.name = w.text;
  }

  const std::vector<ShellWord>& m_words;
  std::size_t m_j;
  Launch& m_out;
  Engine m_engine;
  bool m_create;
  bool m_input_appended = false;
  bool m_publish_all = false;
};

void init_workload(Launch& l, std::string_view file) {
  Workload& w = l.workload;
  w.surface = Surface::run;
  w.file = std::string(file);
  w.kind = l.kind;
  w.where = l.where;
  w.host_network = Located<bool>::absent(l.where);
  w.host_pid = Located<bool>::absent(l.where);
  w.host_ipc = Located<bool>::absent(l.where);
  w.network_mode = Located<std::string>::absent(l.where);
  w.userns_mode = Located<std::string>::absent(l.where);
  w.pod_spec_where = l.where;
  w.automount_sa_token = Located<bool>::absent(l.where);
  Container c;
  c.where = l.where;
  c.image = Located<ImageRef>::absent(l.where);
  c.user = Located<std::string>::absent(l.where);
  c.run_as_non_root = Located<bool>::absent(l.where);
  c.run_as_user = Located<std::int64_t>::absent(l.where);
  c.privileged = Located<bool>::absent(l.where);
  c.allow_privilege_escalation = Located<bool>::absent(l.where);
  c.no_new_privileges = Located<bool>::absent(l.where);
  c.caps.where = l.where;
  c.seccomp = Located<std::string>::absent(l.where);
  c.apparmor = Located<std::string>::absent(l.where);
  c.read_only_rootfs = Located<bool>::absent(l.where);
  c.resources.memory_limit = Located<std::string>::absent(l.where);
  c.resources.cpu_limit = Located<std::string>::absent(l.where);
  c.resources.pids_limit = Located<std::string>::absent(l.where);
  c.healthcheck = Located<bool>::absent(l.where);
  w.containers.push_back(std::move(c));
}

void collect(const std::vector<ShellPipeline>& pipelines, std::string_view file, Inventory& out,
             int depth) {
  for (const ShellPipeline& p : pipelines) {
    for (const ShellCommand& cmd : p.commands) {
      if (auto l = parse_launch(cmd, file)) {
        for (CommandIssue& i : l->issues) out.command_issues.push_back(std::move(i));
        if (l->starts_container) out.workloads.push_back(std::move(l->workload));
      }
      if (depth >= k_max_depth) continue;
      for (const ShellWord& w : cmd.words) collect(w.substitutions, file, out, depth + 1);
      if (auto nested = handed_on(cmd)) collect(*nested, file, out, depth + 1);
    }
  }
}

}  // namespace

std::optional<PortMapping> parse_publish(std::string_view spec, Location where, bool literal) {
  // A part holding a shell variable is unknown; the others are read.
  auto known = [literal](std::string_view part) {
    return literal || part.find('$') == std::string_view::npos;
  };
  const PortSpecParts parts = split_port_spec(spec);
  PortMapping p;
  p.where = where;
  p.published = true;
  if (!parts.protocol.empty()) p.protocol = std::string(parts.protocol);
  if (!literal) p.written = std::string(spec);
  p.host_ip = Located<std::string>::absent(where);
  if (!parts.ip.empty()) {
    if (!known(parts.ip)) return std::nullopt;  // the address is unknown: no finding either way
    std::string_view ip = unbracket(parts.ip);
    if (!ip.empty()) p.host_ip = Located<std::string>::literal(std::string(ip), where);
  }
  if (known(parts.container) &&
      (!parse_port_range(parts.container, p.container_first, p.container_last) ||
       p.container_first == 0)) {
    return std::nullopt;
  }
  if (!parts.host.empty() && known(parts.host) &&
      !parse_port_range(parts.host, p.host_first, p.host_last)) {
    return std::nullopt;
  }
  return p;
}

std::optional<Launch> parse_launch(const ShellCommand& cmd, std::string_view file) {
  const ShellWord* prog = cmd.program();
  if (!prog || !prog->literal) return std::nullopt;
  std::string_view name = program_name(*prog);
  Engine engine;
  if (name == "docker") {
    engine = Engine::docker;
  } else if (name == "podman") {
    engine = Engine::podman;
  } else {
    return std::nullopt;
  }
  const auto& words = cmd.words;
  std::size_t j = cmd.command_index + 1;
  while (j < words.size() && words[j].text.size() > 1 && words[j].text[0] == '-') {
    std::string_view opt = words[j].text;
    j += (global_takes_value(opt) && opt.find('=') == std::string_view::npos) ? 2 : 1;
  }
  if (j < words.size() && words[j].text == "container") ++j;
  if (j >= words.size()) return std::nullopt;
  std::string_view sub = words[j].text;
  if (sub != "run" && sub != "create") return std::nullopt;
  Launch l;
  l.kind = std::string(name) + ' ' + std::string(sub);
  l.where = prog->where;
  init_workload(l, file);
  LaunchParser parser(cmd, j + 1, l, engine, sub == "create");
  if (!parser.run()) return std::nullopt;
  for (CommandIssue& i : l.issues) {
    i.file = std::string(file);
    i.object = l.workload.label();
  }
  return l;
}

void collect_launches(const std::vector<ShellPipeline>& pipelines, std::string_view file,
                      Inventory& out) {
  collect(pipelines, file, out, 0);
}

}  // namespace vern::shell
