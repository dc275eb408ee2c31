// Sha256: incremental SHA-256 over OpenSSL's EVP interface, and helpers for
// OCI digest strings ("sha256:" + 64 lowercase hex digits).
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace vern {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const void* data, std::size_t size);
  // "sha256:<hex>". REQUIRES: called once; update() may not follow.
  std::string finish();

 private:
  struct Ctx;
  std::unique_ptr<Ctx> m_ctx;
};

// "sha256:<hex>" of `data`.
std::string sha256_digest(std::string_view data);

// True iff `digest` is "sha256:" followed by exactly 64 lowercase hex digits.
bool valid_sha256_digest(std::string_view digest);

}  // namespace vern
