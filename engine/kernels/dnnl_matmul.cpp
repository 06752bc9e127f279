#include "kernels/dnnl_matmul.h"

#include <dnnl.hpp>
#include <omp.h>
#include <tuple>
#include <vector>

#include "util/error.h"

namespace gb {
namespace {

using dnnl::memory;
using tag = memory::format_tag;
using dt = memory::data_type;

struct Runtime {
    dnnl::engine eng{dnnl::engine::kind::cpu, 0};
    dnnl::stream strm{eng};
};

Runtime& runtime() {
    static Runtime r;
    return r;
}

thread_local int tlsThreads = 0;

}  // namespace

void setComputeThreads(int n) {
    if (n <= 0) n = omp_get_num_procs();
    tlsThreads = n;
    omp_set_num_threads(n);
}

int computeThreads() { return tlsThreads > 0 ? tlsThreads : omp_get_max_threads(); }

struct PackedMatrix::Impl {
    dt type;
    memory::desc packedDesc;
    memory packed;
    mutable std::mutex mu;
    mutable std::map<int64_t, dnnl::matmul> byM;
    mutable std::vector<uint16_t> bf16In;  // activations converted for the BF16 path

    dnnl::matmul::primitive_desc describe(int64_t M, int64_t K, int64_t N, const memory::desc& w) const {
        memory::desc src({M, K}, type, tag::ab);
        memory::desc dst({M, N}, dt::f32, tag::ab);
        return dnnl::matmul::primitive_desc(dnnl::matmul::desc(src, w, dst), runtime().eng);
    }
};

PackedMatrix::PackedMatrix(const float* w, int64_t N, int64_t K, Precision p) : impl_(std::make_unique<Impl>()), N_(N), K_(K) {
    auto& rt = runtime();
    impl_->type = p == Precision::BF16 ? dt::bf16 : dt::f32;
    try {
        // Let the M=1 primitive choose the weights layout; every other M accepts the same one.
        memory::desc anyW({K, N}, impl_->type, tag::any);
        auto pd = impl_->describe(1, K, N, anyW);
        impl_->packedDesc = pd.weights_desc();
        memory plain({{K, N}, dt::f32, tag::ba}, rt.eng, const_cast<float*>(w));
        impl_->packed = memory(impl_->packedDesc, rt.eng);
        dnnl::reorder(plain, impl_->packed).execute(rt.strm, plain, impl_->packed);
        rt.strm.wait();
        impl_->byM.emplace(1, dnnl::matmul(pd));
    } catch (const dnnl::error& e) {
        throw Error(std::string("oneDNN could not prepare a ") + std::to_string(N) + "x" + std::to_string(K) +
                    " matrix: " + e.what());
    }
}

PackedMatrix::~PackedMatrix() = default;

size_t PackedMatrix::bytes() const { return impl_->packedDesc.get_size(); }

void PackedMatrix::multiply(const float* x, float* y, int64_t M) const {
    auto& rt = runtime();
    dnnl::matmul prim;
    {
        std::lock_guard lock(impl_->mu);
        auto it = impl_->byM.find(M);
        if (it == impl_->byM.end())
            it = impl_->byM.emplace(M, dnnl::matmul(impl_->describe(M, K_, N_, impl_->packedDesc))).first;
        prim = it->second;
    }
    memory::desc dstD({M, N_}, dt::f32, tag::ab);
    memory dst(dstD, rt.eng, y);
    memory src;
    if (impl_->type == dt::bf16) {
        std::lock_guard lock(impl_->mu);
        impl_->bf16In.resize(static_cast<size_t>(M * K_));
        memory f32src({{M, K_}, dt::f32, tag::ab}, rt.eng, const_cast<float*>(x));
        src = memory({{M, K_}, dt::bf16, tag::ab}, rt.eng, impl_->bf16In.data());
        dnnl::reorder(f32src, src).execute(rt.strm, f32src, src);
        prim.execute(rt.strm, {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, impl_->packed}, {DNNL_ARG_DST, dst}});
        rt.strm.wait();
        return;
    }
    src = memory({{M, K_}, dt::f32, tag::ab}, rt.eng, const_cast<float*>(x));
    prim.execute(rt.strm, {{DNNL_ARG_SRC, src}, {DNNL_ARG_WEIGHTS, impl_->packed}, {DNNL_ARG_DST, dst}});
    rt.strm.wait();
}

namespace {

// One cached primitive per (type, M, N, K) for plainly laid out [N][K] weights.
void runPlain(dt type, const void* x, const void* w, float* y, int64_t M, int64_t N, int64_t K) {
    auto& rt = runtime();
    static std::mutex mu;
    static std::map<std::tuple<int, int64_t, int64_t, int64_t>, dnnl::matmul> cache;
    memory::desc src({M, K}, type, tag::ab), wt({K, N}, type, tag::ba), dst({M, N}, dt::f32, tag::ab);
    dnnl::matmul prim;
    {
        std::lock_guard lock(mu);
        auto key = std::make_tuple(static_cast<int>(type), M, N, K);
        auto it = cache.find(key);
        if (it == cache.end()) {
            if (cache.size() > 256) cache.clear();
            it = cache.emplace(key, dnnl::matmul(dnnl::matmul::primitive_desc(dnnl::matmul::desc(src, wt, dst), rt.eng))).first;
        }
        prim = it->second;
    }
    memory xs(src, rt.eng, const_cast<void*>(x)), ws(wt, rt.eng, const_cast<void*>(w)), ys(dst, rt.eng, y);
    prim.execute(rt.strm, {{DNNL_ARG_SRC, xs}, {DNNL_ARG_WEIGHTS, ws}, {DNNL_ARG_DST, ys}});
    rt.strm.wait();
}

}  // namespace

void matmulPlain(const float* x, const float* w, float* y, int64_t M, int64_t N, int64_t K) {
    runPlain(dt::f32, x, w, y, M, N, K);
}

void matmulPlainBf16(const uint16_t* x, const uint16_t* w, float* y, int64_t M, int64_t N, int64_t K) {
    runPlain(dt::bf16, x, w, y, M, N, K);
}

}  // namespace gb
