#include "model/kv_cache.h"

#include <algorithm>

namespace gb {

KvCache::KvCache(int nLayer, int nCtx, int kvDim, int window, int maxBatch)
    : kvDim_(kvDim), window_(window > 0 && window < nCtx ? window : 0) {
    slots_ = window_ > 0 ? std::min(nCtx, window_ + maxBatch - 1) : nCtx;
    const size_t n = static_cast<size_t>(nLayer) * slots_ * kvDim;
    k_.assign(n, 0.f);
    v_.assign(n, 0.f);
}

}  // namespace gb
