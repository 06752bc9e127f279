#include "kernels/rope.h"

#include <cmath>

namespace gb {

void applyRope(float* x, int nHeads, int headDim, int ropeDim, int64_t pos, float theta, float freqScale) {
    // Angles follow llama.cpp: theta_i = p * base^(-2i/n), accumulated by repeated multiplication in float.
    const float thetaScale = std::pow(theta, -2.0f / static_cast<float>(ropeDim));
    float t = static_cast<float>(pos) * freqScale;
    for (int i = 0; i < ropeDim; i += 2) {
        const float c = std::cos(t), s = std::sin(t);
        for (int h = 0; h < nHeads; ++h) {
            float* v = x + static_cast<int64_t>(h) * headDim + i;
            const float a = v[0], b = v[1];
            v[0] = a * c - b * s;
            v[1] = a * s + b * c;
        }
        t *= thetaScale;
    }
}

}  // namespace gb
