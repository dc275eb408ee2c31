#include "util/http_unix.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <optional>

#include "util/strings.h"

namespace vern {

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t k_read_size = 64 * 1024;
constexpr std::size_t k_max_chunk_line = 4096;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool has_ctl(std::string_view s) {
  return std::any_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

// Closes the descriptor it owns.
class Fd {
 public:
  explicit Fd(int fd) : m_fd(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

// The I/O side of one request: deadlines, buffered reads, framing.
class Exchange {
 public:
  Exchange(int fd, const HttpOptions& o, Clock::time_point start) : m_fd(fd), m_opt(o) {
    if (o.total_timeout_ms > 0) m_deadline = start + std::chrono::milliseconds(o.total_timeout_ms);
  }

  Status send_all(std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(m_fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n > 0) {
        data.remove_prefix(std::size_t(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        if (Status s = wait(POLLOUT, "writing the request"); !s) return s;
        continue;
      }
      return Error::failed(std::string("writing the request: ") + std::strerror(errno));
    }
    return {};
  }

  Result<HttpHead> read_head() {
    for (;;) {
      std::size_t end;
      for (;;) {
        end = m_buf.find("\r\n\r\n", m_pos);
        if (end != std::string::npos) break;
        if (m_buf.size() - m_pos > m_opt.max_header_bytes)
          return Error::limit("response headers exceed " + std::to_string(m_opt.max_header_bytes) +
                              " bytes");
        if (Status s = fill("reading the response headers"); !s) return s.error();
        if (m_eof) return Error::failed("connection closed before the response headers ended");
      }
      if (end - m_pos > m_opt.max_header_bytes)
        return Error::limit("response headers exceed " + std::to_string(m_opt.max_header_bytes) +
                            " bytes");
      std::string_view text(m_buf.data() + m_pos, end - m_pos);
      m_pos = end + 4;
      Result<HttpHead> head = parse_head(text);
      if (!head) return head;
      if (head->status >= 100 && head->status < 200) continue;  // 100 Continue and friends
      return head;
    }
  }

  Status read_body(const HttpHead& head, const HttpBodySink& sink) {
    if (head.status == 204 || head.status == 304) return {};
    const std::string* te = head.header("Transfer-Encoding");
    if (te && te->find("chunked") != std::string::npos) return read_chunked(sink);
    if (const std::string* cl = head.header("Content-Length")) {
      std::string_view v = trim(*cl);
      if (v.empty() || v.size() > 19 ||
          !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return Error::invalid("bad Content-Length: " + std::string(v));
      std::uint64_t n = std::stoull(std::string(v));
      if (m_opt.max_body_bytes && n > m_opt.max_body_bytes) return body_limit();
      return read_exact(n, sink);
    }
    return read_to_eof(sink);
  }

 private:
  static Result<HttpHead> parse_head(std::string_view text) {
    HttpHead head;
    std::size_t eol = text.find("\r\n");
    std::string_view status_line = text.substr(0, eol);
    if (status_line.substr(0, 7) != "HTTP/1." || status_line.size() < 12 || status_line[8] != ' ')
      return Error::invalid("not an HTTP/1.x response");
    std::string_view code = status_line.substr(9, 3);
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
      return Error::invalid("bad HTTP status code");
    head.status = std::stoi(std::string(code));
    if (status_line.size() > 13) head.reason = std::string(status_line.substr(13));
    while (eol != std::string_view::npos) {
      std::size_t start = eol + 2;
      eol = text.find("\r\n", start);
      std::string_view line = text.substr(start, eol == std::string_view::npos ? eol : eol - start);
      if (line.empty()) continue;
      std::size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0)
        return Error::invalid("malformed response header");
      head.headers.push_back(
          {std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1)))});
    }
    return head;
  }

  Status wait(short events, const char* doing) {
    for (;;) {
      int ms = m_opt.io_timeout_ms;
      if (m_deadline) {
        auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(*m_deadline - Clock::now());
        if (left.count() <= 0) return Error::failed(std::string(doing) + ": timed out");
        ms = std::min<int>(ms, int(std::min<long long>(left.count(), 1 << 30)));
      }
      pollfd p{m_fd, events, 0};
      int r = ::poll(&p, 1, ms);
      if (r > 0) return {};
      if (r == 0) return Error::failed(std::string(doing) + ": timed out");
      if (errno != EINTR) return Error::failed(std::string(doing) + ": " + std::strerror(errno));
    }
  }

  // Reads more bytes into the buffer; sets m_eof at end of stream.
  Status fill(const char* doing) {
    if (m_pos > 0 && m_pos == m_buf.size()) {
      m_buf.clear();
      m_pos = 0;
    } else if (m_pos > k_read_size) {
      m_buf.erase(0, m_pos);
      m_pos = 0;
    }
    for (;;) {
      std::size_t old = m_buf.size();
      m_buf.resize(old + k_read_size);
      ssize_t n = ::recv(m_fd, m_buf.data() + old, k_read_size, 0);
      m_buf.resize(old + std::size_t(std::max<ssize_t>(n, 0)));
      if (n > 0) return {};
      if (n == 0) {
        m_eof = true;
        return {};
      }
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        if (Status s = wait(POLLIN, doing); !s) return s;
        continue;
      }
      return Error::failed(std::string(doing) + ": " + std::strerror(errno));
    }
  }

  Error body_limit() const {
    return Error::limit("response body exceeds " + std::to_string(m_opt.max_body_bytes) + " bytes");
  }

  Status deliver(std::string_view piece, const HttpBodySink& sink) {
    if (piece.empty()) return {};
    m_body_bytes += piece.size();
    if (m_opt.max_body_bytes && m_body_bytes > m_opt.max_body_bytes) return body_limit();
    return sink(piece);
  }

  Status read_exact(std::uint64_t n, const HttpBodySink& sink) {
    while (n > 0) {
      if (m_pos == m_buf.size()) {
        if (Status s = fill("reading the response body"); !s) return s;
        if (m_eof) return Error::failed("connection closed before the response body ended");
      }
      std::size_t take = std::size_t(std::min<std::uint64_t>(n, m_buf.size() - m_pos));
      std::string_view piece(m_buf.data() + m_pos, take);
      m_pos += take;
      n -= take;
      if (Status s = deliver(piece, sink); !s) return s;
    }
    return {};
  }

  Status read_to_eof(const HttpBodySink& sink) {
    for (;;) {
      std::string_view piece(m_buf.data() + m_pos, m_buf.size() - m_pos);
      m_pos = m_buf.size();
      if (Status s = deliver(piece, sink); !s) return s;
      if (m_eof) return {};
      if (Status s = fill("reading the response body"); !s) return s;
    }
  }

  // One CRLF-terminated line of chunk framing, without the CRLF.
  Result<std::string> read_line() {
    for (;;) {
      std::size_t eol = m_buf.find("\r\n", m_pos);
      if (eol != std::string::npos && eol - m_pos <= k_max_chunk_line) {
        std::string line = m_buf.substr(m_pos, eol - m_pos);
        m_pos = eol + 2;
        return line;
      }
      if (m_buf.size() - m_pos > k_max_chunk_line) return Error::limit("chunk header too long");
      if (Status s = fill("reading the response body"); !s) return s.error();
      if (m_eof) return Error::failed("connection closed inside a chunked body");
    }
  }

  Status read_chunked(const HttpBodySink& sink) {
    for (;;) {
      Result<std::string> line = read_line();
      if (!line) return line.error();
      std::string_view size_text = trim(std::string_view(*line).substr(0, line->find(';')));
      if (size_text.empty() || size_text.size() > 15 ||
          !std::all_of(size_text.begin(), size_text.end(),
                       [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
        return Error::invalid("bad chunk size in response body");
      std::uint64_t size = std::stoull(std::string(size_text), nullptr, 16);
      if (size == 0) break;
      if (m_opt.max_body_bytes && m_body_bytes + size > m_opt.max_body_bytes) return body_limit();
      if (Status s = read_exact(size, sink); !s) return s;
      Result<std::string> crlf = read_line();
      if (!crlf) return crlf.error();
      if (!crlf->empty()) return Error::invalid("chunk not followed by CRLF");
    }
    std::size_t trailer_bytes = 0;
    for (;;) {  // trailers, up to the empty line
      Result<std::string> line = read_line();
      if (!line) return line.error();
      if (line->empty()) return {};
      trailer_bytes += line->size();
      if (trailer_bytes > m_opt.max_header_bytes) return Error::limit("response trailers too long");
    }
  }

  int m_fd;
  const HttpOptions& m_opt;
  std::optional<Clock::time_point> m_deadline;
  std::string m_buf;
  std::size_t m_pos = 0;
  bool m_eof = false;
  std::uint64_t m_body_bytes = 0;
};

Error connect_error(int err, const std::string& path) {
  switch (err) {
    case ENOENT:
    case ENOTDIR:
      return Error::not_found("no socket at " + path);
    case EACCES:
    case EPERM:
      return Error{
          Error::Kind::permission_denied, "permission denied connecting to " + path, {}, 0, 0};
    case ECONNREFUSED:
      return Error::failed("connection refused at " + path + " (nothing is listening)");
    default:
      return Error::failed("cannot connect to " + path + ": " + std::strerror(err));
  }
}

Result<int> connect_unix(const std::string& path, const HttpOptions& opt) {
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  if (path.empty() || path.size() >= sizeof(addr.sun_path))
    return Error::invalid("unix socket path is empty or too long: " + path);
  std::memcpy(addr.sun_path, path.data(), path.size());
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return Error::failed(std::string("socket: ") + std::strerror(errno));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0) return fd;
  int err = errno;
  if (err == EINPROGRESS || err == EAGAIN) {
    pollfd p{fd, POLLOUT, 0};
    int r;
    do {
      r = ::poll(&p, 1, opt.connect_timeout_ms);
    } while (r < 0 && errno == EINTR);
    if (r == 0) {
      ::close(fd);
      return Error::failed("connecting to " + path + ": timed out");
    }
    socklen_t len = sizeof(err);
    if (r > 0 && ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == 0 && err == 0) return fd;
    if (r < 0) err = errno;
  }
  ::close(fd);
  return connect_error(err, path);
}

Result<std::string> build_request(std::string_view target, const HttpOptions& opt,
                                  const std::vector<HttpHeader>& extra) {
  if (target.empty() || target.front() != '/' || has_ctl(target) ||
      target.find(' ') != std::string_view::npos)
    return Error::invalid("bad request target: " + std::string(target));
  if (has_ctl(opt.host_header)) return Error::invalid("bad Host header");
  std::string req = "GET ";
  req += target;
  req += " HTTP/1.1\r\nHost: " + opt.host_header + "\r\nConnection: close\r\n";
  for (const HttpHeader& h : extra) {
    if (h.name.empty() || has_ctl(h.name) || has_ctl(h.value) ||
        h.name.find(':') != std::string::npos)
      return Error::invalid("bad request header: " + h.name);
    req += h.name + ": " + h.value + "\r\n";
  }
  req += "\r\n";
  return req;
}

}  // namespace

const std::string* HttpHead::header(std::string_view name) const {
  for (const HttpHeader& h : headers) {
    if (iequals(h.name, name)) return &h.value;
  }
  return nullptr;
}

UnixHttpClient::UnixHttpClient(std::string socket_path, HttpOptions options)
    : m_socket_path(std::move(socket_path)), m_options(std::move(options)) {}

Result<HttpHead> UnixHttpClient::get_stream(std::string_view target, const HttpBodySink& sink,
                                            const std::vector<HttpHeader>& extra_headers) const {
  Clock::time_point start = Clock::now();
  Result<std::string> request = build_request(target, m_options, extra_headers);
  if (!request) return request.error();
  Result<int> fd = connect_unix(m_socket_path, m_options);
  if (!fd) return fd.error();
  Fd owner(*fd);
  Exchange ex(owner.get(), m_options, start);
  if (Status s = ex.send_all(*request); !s) return s.error();
  Result<HttpHead> head = ex.read_head();
  if (!head) return head;
  if (Status s = ex.read_body(*head, sink); !s) return s.error();
  return head;
}

Result<HttpResponse> UnixHttpClient::get(std::string_view target,
                                         const std::vector<HttpHeader>& extra_headers) const {
  HttpResponse response;
  Result<HttpHead> head = get_stream(
      target,
      [&response](std::string_view piece) {
        response.body.append(piece);
        return Status();
      },
      extra_headers);
  if (!head) return head.error();
  response.head = std::move(*head);
  return response;
}

}  // namespace vern
