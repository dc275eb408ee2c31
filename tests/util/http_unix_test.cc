#include "util/http_unix.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace vern {
namespace {

// A one-shot unix socket server in a temporary folder: accepts one connection,
// reads the request head, writes `reply` (in pieces), and closes.
class FakeServer {
 public:
  explicit FakeServer(std::string reply, bool respond = true) : m_reply(std::move(reply)) {
    char tmpl[] = "/tmp/vern-http-XXXXXX";
    m_dir = ::mkdtemp(tmpl);
    m_path = m_dir + "/s.sock";
    m_listen = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::strncpy(addr.sun_path, m_path.c_str(), sizeof(addr.sun_path) - 1);
    EXPECT_EQ(::bind(m_listen, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(m_listen, 4), 0);
    m_thread = std::thread([this, respond] { serve(respond); });
  }
  ~FakeServer() {
    m_thread.join();
    ::close(m_listen);
    ::unlink(m_path.c_str());
    ::rmdir(m_dir.c_str());
  }
  const std::string& path() const { return m_path; }
  const std::string& request() const { return m_request; }

 private:
  void serve(bool respond) {
    int fd = ::accept(m_listen, nullptr, nullptr);
    if (fd < 0) return;
    char buf[4096];
    while (m_request.find("\r\n\r\n") == std::string::npos) {
      ssize_t n = ::read(fd, buf, sizeof(buf));
      if (n <= 0) break;
      m_request.append(buf, std::size_t(n));
    }
    if (respond) {
      // Write in small pieces so the client sees partial reads.
      for (std::size_t i = 0; i < m_reply.size(); i += 7) {
        std::string_view piece = std::string_view(m_reply).substr(i, 7);
        if (::send(fd, piece.data(), piece.size(), MSG_NOSIGNAL) < 0) break;
      }
    } else {
      // Hold the connection until the client gives up.
      while (::read(fd, buf, sizeof(buf)) > 0) {
      }
    }
    ::close(fd);
  }

  std::string m_reply;
  std::string m_dir;
  std::string m_path;
  std::string m_request;
  int m_listen = -1;
  std::thread m_thread;
};

TEST(UnixHttpClient, ReadsContentLengthBody) {
  FakeServer server(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n"
      "{\"a\":true}\n");
  UnixHttpClient client(server.path());
  Result<HttpResponse> r = client.get("/info");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->head.status, 200);
  EXPECT_EQ(r->body, "{\"a\":true}\n");
  ASSERT_NE(r->head.header("content-type"), nullptr);
  EXPECT_EQ(*r->head.header("CONTENT-TYPE"), "application/json");
  EXPECT_EQ(server.request().rfind("GET /info HTTP/1.1\r\n", 0), 0u);
  EXPECT_NE(server.request().find("Connection: close\r\n"), std::string::npos);
}

TEST(UnixHttpClient, DecodesChunkedBodyWithExtensionsAndTrailers) {
  FakeServer server(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-Trailer: yes\r\n\r\n");
  Result<HttpResponse> r = UnixHttpClient(server.path()).get("/x");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->body, "hello, world");
}

TEST(UnixHttpClient, ReadsUntilCloseWithoutFraming) {
  FakeServer server("HTTP/1.0 404 Not Found\r\n\r\n{\"message\":\"no such container\"}");
  Result<HttpResponse> r = UnixHttpClient(server.path()).get("/containers/x/json");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->head.status, 404);
  EXPECT_EQ(r->head.reason, "Not Found");
  EXPECT_EQ(r->body, "{\"message\":\"no such container\"}");
}

TEST(UnixHttpClient, SkipsInterimContinueResponse) {
  FakeServer server("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
  Result<HttpResponse> r = UnixHttpClient(server.path()).get("/");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->head.status, 200);
  EXPECT_EQ(r->body, "ok");
}

TEST(UnixHttpClient, StreamsBodyPiecesInOrder) {
  FakeServer server(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "a\r\n0123456789\r\n3\r\nabc\r\n0\r\n\r\n");
  std::string got;
  int pieces = 0;
  Result<HttpHead> r = UnixHttpClient(server.path()).get_stream("/images/x/get", [&](auto piece) {
    got.append(piece);
    ++pieces;
    return Status();
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(got, "0123456789abc");
  EXPECT_GT(pieces, 1);
}

TEST(UnixHttpClient, SinkErrorAbortsTheRequest) {
  FakeServer server("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
  Result<HttpHead> r = UnixHttpClient(server.path()).get_stream("/", [](std::string_view) {
    return Status(Error::invalid("not a tar"));
  });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "not a tar");
}

TEST(UnixHttpClient, BodyLargerThanLimitIsLimitError) {
  FakeServer server("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789");
  HttpOptions o;
  o.max_body_bytes = 4;
  Result<HttpResponse> r = UnixHttpClient(server.path(), o).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::limit_exceeded);
}

TEST(UnixHttpClient, ChunkedBodyLargerThanLimitIsLimitError) {
  FakeServer server(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
      "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
  HttpOptions o;
  o.max_body_bytes = 5;
  Result<HttpResponse> r = UnixHttpClient(server.path(), o).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::limit_exceeded);
}

TEST(UnixHttpClient, OversizedHeadersAreLimitError) {
  FakeServer server("HTTP/1.1 200 OK\r\nX-Big: " + std::string(300, 'x') + "\r\n\r\n");
  HttpOptions o;
  o.max_header_bytes = 100;
  Result<HttpResponse> r = UnixHttpClient(server.path(), o).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::limit_exceeded);
}

TEST(UnixHttpClient, MalformedChunkSizeIsInvalidInput) {
  FakeServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
  Result<HttpResponse> r = UnixHttpClient(server.path()).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::invalid_input);
}

TEST(UnixHttpClient, TruncatedBodyIsAnError) {
  FakeServer server("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort");
  Result<HttpResponse> r = UnixHttpClient(server.path()).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("closed"), std::string::npos);
}

TEST(UnixHttpClient, SilentServerTimesOut) {
  FakeServer server("", /*respond=*/false);
  HttpOptions o;
  o.io_timeout_ms = 50;
  Result<HttpResponse> r = UnixHttpClient(server.path(), o).get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("timed out"), std::string::npos);
}

TEST(UnixHttpClient, MissingSocketIsNotFound) {
  Result<HttpResponse> r = UnixHttpClient("/nonexistent-vern-dir/docker.sock").get("/");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::not_found);
  EXPECT_NE(r.error().message.find("/nonexistent-vern-dir/docker.sock"), std::string::npos);
}

TEST(UnixHttpClient, SocketWithoutListenerIsRefused) {
  char tmpl[] = "/tmp/vern-http-XXXXXX";
  std::string dir = ::mkdtemp(tmpl);
  std::string path = dir + "/dead.sock";
  int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::strncpy(addr.sun_path, path.c_str(), sizeof(addr.sun_path) - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  ::close(fd);  // bound but never listening: a daemon that died
  Result<HttpResponse> r = UnixHttpClient(path).get("/");
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Error::Kind::failed);
  EXPECT_NE(r.error().message.find("refused"), std::string::npos);
}

TEST(UnixHttpClient, RejectsTargetsAndHeadersThatCouldSplitTheRequest) {
  UnixHttpClient client("/nonexistent-vern-dir/docker.sock");
  EXPECT_EQ(client.get("/a\r\nX: y").error().kind, Error::Kind::invalid_input);
  EXPECT_EQ(client.get("no-slash").error().kind, Error::Kind::invalid_input);
  EXPECT_EQ(client.get("/", {{"X-A", "b\r\nEvil: 1"}}).error().kind, Error::Kind::invalid_input);
}

}  // namespace
}  // namespace vern
