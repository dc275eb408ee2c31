#include "image/digest.h"

#include <openssl/evp.h>

namespace vern {

struct Sha256::Ctx {
  EVP_MD_CTX* md = nullptr;
};

Sha256::Sha256() : m_ctx(std::make_unique<Ctx>()) {
  m_ctx->md = EVP_MD_CTX_new();
  EVP_DigestInit_ex(m_ctx->md, EVP_sha256(), nullptr);
}

Sha256::~Sha256() { EVP_MD_CTX_free(m_ctx->md); }

void Sha256::update(const void* data, std::size_t size) {
  if (size > 0) EVP_DigestUpdate(m_ctx->md, data, size);
}

std::string Sha256::finish() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  EVP_DigestFinal_ex(m_ctx->md, out, &len);
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string s = "sha256:";
  for (unsigned i = 0; i < len; ++i) {
    s += k_hex[out[i] >> 4];
    s += k_hex[out[i] & 15];
  }
  return s;
}

std::string sha256_digest(std::string_view data) {
  Sha256 h;
  h.update(data.data(), data.size());
  return h.finish();
}

bool valid_sha256_digest(std::string_view digest) {
  if (digest.size() != 71 || digest.substr(0, 7) != "sha256:") return false;
  for (char c : digest.substr(7)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace vern
