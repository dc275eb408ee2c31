#include "sources/shell/tokenizer.h"

#include <algorithm>
#include <map>
#include <string>

#include "sources/shell/prefixes.h"
#include "sources/shell/stdin_script.h"

namespace vern::shell {
namespace {

using Vars = std::map<std::string, std::string, std::less<>>;

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

struct Heredoc {
  std::string delimiter;
  bool strip_tabs = false;
  std::size_t owner = 0;  // the command it feeds, counted from the first of this text
  bool script = false;    // that command is a shell reading its program from it
};

class Lexer {
 public:
  Lexer(const SourceText& src, std::size_t begin, std::size_t end, int depth, Vars& vars)
      : m_src(src), m_s(src.text()), m_i(begin), m_end(end), m_depth(depth), m_vars(vars) {}

  std::vector<ShellPipeline> run() {
    while (true) {
      skip_blanks();
      if (m_i >= m_end) break;
      char c = m_s[m_i];
      if (c == '#') {
        while (m_i < m_end && m_s[m_i] != '\n') ++m_i;
      } else if (c == '\n') {
        ++m_i;
        end_pipeline();
        read_heredoc_bodies();
      } else if (c == ';' || (c == '&' && peek(1) != '>')) {
        m_i += peek(1) == c ? 2 : 1;
        end_pipeline();
      } else if (c == '|') {
        if (peek(1) == '|') {
          m_i += 2;
          end_pipeline();
        } else {
          m_i += peek(1) == '&' ? 2 : 1;
          end_command();
        }
      } else if (c == '(' || c == ')') {
        ++m_i;
        end_pipeline();
      } else if ((c == '<' || c == '>') && peek(1) != '(') {
        redirection();
      } else if (c == '&') {  // &> and &>>
        redirection();
      } else {
        std::size_t start = m_i;
        ShellWord w;
        bool assignment = false;
        read_word(w, assignment);
        if (m_i == start) {  // defensive: never loop without progress
          ++m_i;
          continue;
        }
        bool io_number = w.literal && !w.text.empty() && m_i < m_end &&
                         (m_s[m_i] == '<' || m_s[m_i] == '>') && all_digits(m_s, start, m_i);
        if (io_number) continue;  // `2>` : the redirection follows
        m_words.push_back(std::move(w));
        m_assign.push_back(assignment);
      }
    }
    end_pipeline();
    return std::move(m_out);
  }

 private:
  char peek(std::size_t k) const { return m_i + k < m_end ? m_s[m_i + k] : '\0'; }

  static bool all_digits(const std::string& s, std::size_t b, std::size_t e) {
    for (std::size_t k = b; k < e; ++k) {
      if (!is_digit(s[k])) return false;
    }
    return b < e;
  }

  void skip_blanks() {
    while (m_i < m_end) {
      char c = m_s[m_i];
      if (c == ' ' || c == '\t' || c == '\r') {
        ++m_i;
      } else if (c == '\\' && peek(1) == '\n') {
        m_i += 2;
      } else {
        break;
      }
    }
  }

  void end_command() {
    if (m_words.empty()) {
      m_here_strings.clear();
      return;
    }
    ShellCommand cmd;
    cmd.where = m_words.front().where;
    cmd.command_index = command_index(m_words, m_assign);
    remember_assignments(cmd);
    cmd.words = std::move(m_words);
    cmd.here_strings = std::move(m_here_strings);
    bool script = reads_script_from_stdin(cmd);
    for (Heredoc& h : m_heredocs) {
      if (h.owner == m_commands) h.script = script;
    }
    ++m_commands;
    m_words.clear();
    m_here_strings.clear();
    m_assign.clear();
    if (m_pipeline.commands.empty()) m_pipeline.where = cmd.where;
    m_pipeline.commands.push_back(std::move(cmd));
  }

  void end_pipeline() {
    end_command();
    if (!m_pipeline.commands.empty()) m_out.push_back(std::move(m_pipeline));
    m_pipeline = ShellPipeline{};
  }

  // `NAME=value` alone (or after export/readonly/local/declare) sets a variable
  // later words may use; a non-literal value forgets it.
  void remember_assignments(const ShellCommand& cmd) {
    std::size_t k = 0;
    bool bare = cmd.command_index >= m_words.size();
    if (!bare) {
      std::string_view p = m_words[cmd.command_index].text;
      if (p != "export" && p != "readonly" && p != "local" && p != "declare") return;
      k = cmd.command_index + 1;
    }
    for (; k < m_words.size(); ++k) {
      const ShellWord& w = m_words[k];
      std::size_t eq = w.text.find('=');
      if (eq == std::string::npos || eq == 0) continue;
      std::string name = w.text.substr(0, eq);
      bool ok = is_name_start(name[0]);
      for (char c : name) ok = ok && is_name_char(c);
      if (!ok) continue;
      if (w.literal) {
        m_vars[name] = w.text.substr(eq + 1);
      } else {
        m_vars.erase(name);
      }
    }
  }

  void redirection() {
    std::size_t start = m_i;
    bool heredoc = false, strip = false, here_string = false;
    if (m_s.compare(m_i, 3, "<<<") == 0) {
      m_i += 3;
      here_string = true;
    } else if (m_s.compare(m_i, 3, "<<-") == 0) {
      m_i += 3;
      heredoc = strip = true;
    } else if (m_s.compare(m_i, 2, "<<") == 0) {
      m_i += 2;
      heredoc = true;
    } else {
      if (m_s[m_i] == '&') ++m_i;
      ++m_i;
      char c = peek(0);
      if (c == '>' || c == '&' || c == '|') ++m_i;
    }
    if (m_i > m_end) m_i = m_end;
    (void)start;
    skip_blanks();
    if (m_i >= m_end || m_s[m_i] == '\n') return;
    ShellWord target;
    bool unused = false;
    read_word(target, unused);
    if (heredoc) m_heredocs.push_back(Heredoc{target.text, strip, m_commands});
    if (here_string) m_here_strings.push_back(std::move(target));
  }

  // Skips the bodies of the here-documents of the line just read; a body fed
  // to a shell as its program (`bash <<EOF`, `ssh host <<EOF`) is read as
  // commands, after the line's own.
  void read_heredoc_bodies() {
    std::vector<Heredoc> heredocs = std::move(m_heredocs);
    m_heredocs.clear();
    for (const Heredoc& h : heredocs) {
      std::size_t body = m_i, body_end = m_end;
      while (m_i < m_end) {
        std::size_t line_start = m_i;
        std::size_t nl = m_s.find('\n', m_i);
        std::size_t stop = (nl == std::string::npos || nl >= m_end) ? m_end : nl;
        std::string_view line(m_s.data() + m_i, stop - m_i);
        if (h.strip_tabs) {
          while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
        }
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        m_i = stop < m_end ? stop + 1 : m_end;
        if (line == h.delimiter) {
          body_end = line_start;
          break;
        }
      }
      if (!h.script || m_depth >= k_max_depth || body >= body_end) continue;
      // The shell it feeds has variables of its own: none set here leak out.
      Vars inner = m_vars;
      Lexer sub(m_src, body, body_end, m_depth + 1, inner);
      for (ShellPipeline& p : sub.run()) m_out.push_back(std::move(p));
    }
  }

  // Index of the `close` matching an opening already consumed, skipping quotes
  // and nested pairs; m_end when unbalanced.
  std::size_t find_close(std::size_t from, char open, char close) const {
    int level = 1;
    for (std::size_t k = from; k < m_end; ++k) {
      char c = m_s[k];
      if (c == '\\') {
        ++k;
      } else if (c == '\'') {
        std::size_t q = m_s.find('\'', k + 1);
        if (q == std::string::npos || q >= m_end) return m_end;
        k = q;
      } else if (c == '"' && open != '"') {
        for (++k; k < m_end && m_s[k] != '"'; ++k) {
          if (m_s[k] == '\\') ++k;
        }
      } else if (c == open) {
        ++level;
      } else if (c == close) {
        if (--level == 0) return k;
      }
    }
    return m_end;
  }

  // Tokenizes [begin, end) as a nested command list into `w`.
  void substitute(ShellWord& w, std::size_t begin, std::size_t end) {
    w.literal = false;
    if (m_depth >= k_max_depth || begin >= end) return;
    Vars inner = m_vars;
    Lexer sub(m_src, begin, end, m_depth + 1, inner);
    for (ShellPipeline& p : sub.run()) w.substitutions.push_back(std::move(p));
  }

  void read_dollar(ShellWord& w) {
    std::size_t start = m_i;
    char n = peek(1);
    if (n == '(' && peek(2) == '(') {  // arithmetic
      std::size_t close = find_close(m_i + 2, '(', ')');
      m_i = std::min(close + 1, m_end);
      w.literal = false;
    } else if (n == '(') {
      std::size_t close = find_close(m_i + 2, '(', ')');
      substitute(w, m_i + 2, close);
      m_i = std::min(close + 1, m_end);
    } else if (n == '{') {
      std::size_t close = find_close(m_i + 2, '{', '}');
      std::string_view inner(m_s.data() + m_i + 2, close - m_i - 2);
      m_i = std::min(close + 1, m_end);
      if (!resolve(w, inner)) {
        w.literal = false;
        // `${X:-$(cmd)}` still runs cmd.
        if (std::size_t p = inner.find("$("); p != std::string_view::npos) {
          substitute(w, start + 2 + p + 2, close);
        }
      }
    } else if (n == '\'') {
      m_i += 2;
      while (m_i < m_end && m_s[m_i] != '\'') {
        if (m_s[m_i] == '\\' && m_i + 1 < m_end) {
          char e = m_s[++m_i];
          w.text += e == 'n' ? '\n' : e == 't' ? '\t' : e;
        } else {
          w.text += m_s[m_i];
        }
        ++m_i;
      }
      if (m_i < m_end) ++m_i;
      return;
    } else if (is_name_start(n)) {
      std::size_t k = m_i + 1;
      while (k < m_end && is_name_char(m_s[k])) ++k;
      std::string_view name(m_s.data() + m_i + 1, k - m_i - 1);
      m_i = k;
      if (!resolve(w, name)) w.literal = false;
    } else if (is_digit(n) || n == '@' || n == '*' || n == '#' || n == '?' || n == '$' ||
               n == '!' || n == '-') {
      m_i += 2;
      w.literal = false;
    } else {
      w.text += '$';
      ++m_i;
      return;
    }
    if (!w.literal) w.text.append(m_s, start, m_i - start);
  }

  // Appends a known variable's value; false when unknown.
  bool resolve(ShellWord& w, std::string_view name) {
    auto it = m_vars.find(name);
    if (it == m_vars.end()) return false;
    w.text += it->second;
    return true;
  }

  void read_backtick(ShellWord& w) {
    std::size_t k = m_i + 1;
    while (k < m_end && m_s[k] != '`') k += m_s[k] == '\\' ? 2 : 1;
    std::size_t close = k < m_end ? k : m_end;
    substitute(w, m_i + 1, close);
    w.text.append(m_s, m_i, std::min(close + 1, m_end) - m_i);
    m_i = std::min(close + 1, m_end);
  }

  void read_double_quoted(ShellWord& w) {
    ++m_i;
    while (m_i < m_end && m_s[m_i] != '"') {
      char c = m_s[m_i];
      if (c == '\\' && m_i + 1 < m_end) {
        char e = m_s[m_i + 1];
        if (e == '\n') {
        } else if (e == '$' || e == '`' || e == '"' || e == '\\') {
          w.text += e;
        } else {
          w.text += c;
          w.text += e;
        }
        m_i += 2;
      } else if (c == '$') {
        read_dollar(w);
      } else if (c == '`') {
        read_backtick(w);
      } else {
        w.text += c;
        ++m_i;
      }
    }
    if (m_i < m_end) ++m_i;
  }

  void read_word(ShellWord& w, bool& assignment) {
    w.where = m_src.at(m_i);
    bool name_so_far = true;  // unquoted identifier characters only, so far
    std::size_t start = m_i;
    while (m_i < m_end) {
      char c = m_s[m_i];
      if ((c == '<' || c == '>') && peek(1) == '(') {  // process substitution
        std::size_t close = find_close(m_i + 2, '(', ')');
        substitute(w, m_i + 2, close);
        std::size_t next = std::min(close + 1, m_end);
        w.text.append(m_s, m_i, next - m_i);
        m_i = next;
        name_so_far = false;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';' || c == '&' || c == '|' ||
          c == '(' || c == ')' || c == '<' || c == '>') {
        break;
      }
      if (c == '=' && name_so_far && m_i > start) assignment = true;
      if (!is_name_char(c) || (m_i == start && is_digit(c))) name_so_far = false;
      if (c == '\\') {
        if (peek(1) == '\n') {
          m_i += 2;
          continue;
        }
        if (m_i + 1 < m_end) w.text += m_s[m_i + 1];
        m_i += 2;
      } else if (c == '\'') {
        std::size_t q = m_s.find('\'', m_i + 1);
        std::size_t close = (q == std::string::npos || q >= m_end) ? m_end : q;
        w.text.append(m_s, m_i + 1, close - m_i - 1);
        m_i = std::min(close + 1, m_end);
      } else if (c == '"') {
        read_double_quoted(w);
      } else if (c == '`') {
        read_backtick(w);
      } else if (c == '$') {
        read_dollar(w);
      } else {
        w.text += c;
        ++m_i;
      }
    }
    if (m_i > m_end) m_i = m_end;
  }

  const SourceText& m_src;
  const std::string& m_s;
  std::size_t m_i;
  std::size_t m_end;
  int m_depth;
  Vars& m_vars;
  std::vector<ShellWord> m_words;
  std::vector<bool> m_assign;
  std::vector<ShellWord> m_here_strings;  // of the command being read
  std::size_t m_commands = 0;             // commands ended so far
  std::vector<Heredoc> m_heredocs;
  ShellPipeline m_pipeline;
  std::vector<ShellPipeline> m_out;
};

}  // namespace

std::vector<ShellPipeline> tokenize(const SourceText& src) {
  Vars vars;
  Lexer lexer(src, 0, src.size(), 0, vars);
  return lexer.run();
}

std::vector<ShellPipeline> tokenize(std::string_view text) {
  return tokenize(SourceText::whole(text));
}

std::string_view program_name(std::string_view text) {
  std::size_t slash = text.rfind('/');
  return slash == std::string_view::npos ? text : text.substr(slash + 1);
}

std::string_view program_name(const ShellWord& word) { return program_name(word.text); }

}  // namespace vern::shell
