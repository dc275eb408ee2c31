// Result<T>: a value or an Error, returned at every boundary that can fail
// (parsing, files, sockets). Errors are values; nothing below main throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace vern {

// Where an error happened. line/column are 1-based; 0 means "not known".
struct Error {
  enum class Kind { failed, not_found, invalid_input, limit_exceeded, permission_denied, usage };
  Kind kind = Kind::failed;
  std::string message;
  std::string file;
  int line = 0;
  int column = 0;

  static Error failed(std::string msg) { return Error{Kind::failed, std::move(msg), {}, 0, 0}; }
  static Error not_found(std::string msg) {
    return Error{Kind::not_found, std::move(msg), {}, 0, 0};
  }
  static Error invalid(std::string msg, int line = 0, int column = 0) {
    return Error{Kind::invalid_input, std::move(msg), {}, line, column};
  }
  static Error limit(std::string msg) {
    return Error{Kind::limit_exceeded, std::move(msg), {}, 0, 0};
  }
  // "file:line:col: message" with the parts that are known.
  std::string to_string() const;
};

// Holds either a T or an Error. REQUIRES: value() only when ok(), error() only when !ok().
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : m_v(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : m_v(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return m_v.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(m_v); }
  const T& value() const& { return std::get<0>(m_v); }
  T&& value() && { return std::get<0>(std::move(m_v)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { return std::get<1>(m_v); }

 private:
  std::variant<T, Error> m_v;
};

// Result<void>: success or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : m_error(std::move(error)), m_ok(false) {}
  static Status success() { return Status(); }
  bool ok() const { return m_ok; }
  explicit operator bool() const { return m_ok; }
  const Error& error() const { return m_error; }

 private:
  Error m_error;
  bool m_ok = true;
};

}  // namespace vern
