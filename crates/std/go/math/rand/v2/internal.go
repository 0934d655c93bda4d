// Copyright 2023 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

// Stand-ins for what Go's math/rand/v2 takes from outside the package: internal/chacha8rand
// (its State with Go's generic, non-assembly block function), the four internal/byteorder
// helpers chacha8.go and pcg.go use, and runtime.rand, the source of the top-level
// functions. The other files of this package are Go 1.26's math/rand/v2 sources (BSD
// license, see crates/std/go/LICENSE) with `chacha8rand.X` and `byteorder.X` renamed to
// the `chacha8rand_X` and `byteorder_X` below and the go:linkname of runtime_rand removed.
//
// Invariants: chacha8rand_block produces exactly the words of Go's block_generic (so a
// ChaCha8 seeded alike yields gc's sequence, which the assembly versions equal too); the
// [16][4]uint32 matrix is laid into the [32]uint64 buffer as on a little-endian machine.
// runtime_rand is a ChaCha8 stream of this package, seeded on first use from runtimeSeed,
// a native that reads the operating system's randomness (and the clock), as Go's
// runtime seeds its generator at startup: its values are not reproducible, like gc's.
package rand

const (
	chacha8rand_ctrInc = 4  // increment counter by 4 between block calls
	chacha8rand_ctrMax = 16 // reseed when counter reaches 16
	chacha8rand_chunk  = 32 // each chunk produced by block is 32 uint64s
	chacha8rand_reseed = 4  // reseed with 4 words
)

// chacha8rand_State is internal/chacha8rand.State.
type chacha8rand_State struct {
	buf  [32]uint64
	seed [4]uint64
	i    uint32
	n    uint32
	c    uint32
}

func (s *chacha8rand_State) Next() (uint64, bool) {
	i := s.i
	if i >= s.n {
		return 0, false
	}
	s.i = i + 1
	return s.buf[i&31], true
}

func (s *chacha8rand_State) Init(seed [32]byte) {
	s.Init64([4]uint64{
		byteorder_LEUint64(seed[0*8:]),
		byteorder_LEUint64(seed[1*8:]),
		byteorder_LEUint64(seed[2*8:]),
		byteorder_LEUint64(seed[3*8:]),
	})
}

func (s *chacha8rand_State) Init64(seed [4]uint64) {
	s.seed = seed
	chacha8rand_block(&s.seed, &s.buf, 0)
	s.c = 0
	s.i = 0
	s.n = chacha8rand_chunk
}

func (s *chacha8rand_State) Refill() {
	s.c += chacha8rand_ctrInc
	if s.c == chacha8rand_ctrMax {
		// Reseed with generated uint64s for forward secrecy.
		s.seed[0] = s.buf[len(s.buf)-chacha8rand_reseed+0]
		s.seed[1] = s.buf[len(s.buf)-chacha8rand_reseed+1]
		s.seed[2] = s.buf[len(s.buf)-chacha8rand_reseed+2]
		s.seed[3] = s.buf[len(s.buf)-chacha8rand_reseed+3]
		s.c = 0
	}
	chacha8rand_block(&s.seed, &s.buf, s.c)
	s.i = 0
	s.n = uint32(len(s.buf))
	if s.c == chacha8rand_ctrMax-chacha8rand_ctrInc {
		s.n = uint32(len(s.buf)) - chacha8rand_reseed
	}
}

// chacha8rand_Marshal is internal/chacha8rand.Marshal.
func chacha8rand_Marshal(s *chacha8rand_State) []byte {
	data := make([]byte, 6*8)
	copy(data, "chacha8:")
	used := (s.c/chacha8rand_ctrInc)*chacha8rand_chunk + s.i
	byteorder_BEPutUint64(data[1*8:], uint64(used))
	for i, seed := range s.seed {
		byteorder_LEPutUint64(data[(2+i)*8:], seed)
	}
	return data
}

type chacha8rand_errUnmarshalChaCha8 struct{}

func (*chacha8rand_errUnmarshalChaCha8) Error() string {
	return "invalid ChaCha8 encoding"
}

// chacha8rand_Unmarshal is internal/chacha8rand.Unmarshal.
func chacha8rand_Unmarshal(s *chacha8rand_State, data []byte) error {
	if len(data) != 6*8 || string(data[:8]) != "chacha8:" {
		return new(chacha8rand_errUnmarshalChaCha8)
	}
	used := byteorder_BEUint64(data[1*8:])
	if used > (chacha8rand_ctrMax/chacha8rand_ctrInc)*chacha8rand_chunk-chacha8rand_reseed {
		return new(chacha8rand_errUnmarshalChaCha8)
	}
	for i := range s.seed {
		s.seed[i] = byteorder_LEUint64(data[(2+i)*8:])
	}
	s.c = chacha8rand_ctrInc * (uint32(used) / chacha8rand_chunk)
	chacha8rand_block(&s.seed, &s.buf, s.c)
	s.i = uint32(used) % chacha8rand_chunk
	s.n = chacha8rand_chunk
	if s.c == chacha8rand_ctrMax-chacha8rand_ctrInc {
		s.n = chacha8rand_chunk - chacha8rand_reseed
	}
	return nil
}

// chacha8rand_block is internal/chacha8rand's block_generic: four interlaced ChaCha8
// blocks for counters counter..counter+3, b[row][block] as Go's setup lays them out.
func chacha8rand_block(seed *[4]uint64, buf *[32]uint64, counter uint32) {
	var b [16][4]uint32
	for i := range 4 {
		// Constants; same as in ChaCha20: "expand 32-byte k".
		b[0][i] = 0x61707865
		b[1][i] = 0x3320646e
		b[2][i] = 0x79622d32
		b[3][i] = 0x6b206574
		// Seed values.
		b[4][i] = uint32(seed[0])
		b[5][i] = uint32(seed[0] >> 32)
		b[6][i] = uint32(seed[1])
		b[7][i] = uint32(seed[1] >> 32)
		b[8][i] = uint32(seed[2])
		b[9][i] = uint32(seed[2] >> 32)
		b[10][i] = uint32(seed[3])
		b[11][i] = uint32(seed[3] >> 32)
		// Counters; rows 13 to 15 stay zero.
		b[12][i] = counter + uint32(i)
	}

	for i := range b[0] {
		b0, b1, b2, b3 := b[0][i], b[1][i], b[2][i], b[3][i]
		b4, b5, b6, b7 := b[4][i], b[5][i], b[6][i], b[7][i]
		b8, b9, b10, b11 := b[8][i], b[9][i], b[10][i], b[11][i]
		b12, b13, b14, b15 := b[12][i], b[13][i], b[14][i], b[15][i]

		// 4 iterations of eight quarter-rounds each is 8 rounds
		for round := 0; round < 4; round++ {
			b0, b4, b8, b12 = chacha8rand_qr(b0, b4, b8, b12)
			b1, b5, b9, b13 = chacha8rand_qr(b1, b5, b9, b13)
			b2, b6, b10, b14 = chacha8rand_qr(b2, b6, b10, b14)
			b3, b7, b11, b15 = chacha8rand_qr(b3, b7, b11, b15)

			b0, b5, b10, b15 = chacha8rand_qr(b0, b5, b10, b15)
			b1, b6, b11, b12 = chacha8rand_qr(b1, b6, b11, b12)
			b2, b7, b8, b13 = chacha8rand_qr(b2, b7, b8, b13)
			b3, b4, b9, b14 = chacha8rand_qr(b3, b4, b9, b14)
		}

		// Add b4..b11 back to the original key material, as Go does.
		b[0][i] = b0
		b[1][i] = b1
		b[2][i] = b2
		b[3][i] = b3
		b[4][i] += b4
		b[5][i] += b5
		b[6][i] += b6
		b[7][i] += b7
		b[8][i] += b8
		b[9][i] += b9
		b[10][i] += b10
		b[11][i] += b11
		b[12][i] = b12
		b[13][i] = b13
		b[14][i] = b14
		b[15][i] = b15
	}

	// Go views buf as [16][4]uint32; on a little-endian machine uint32 k of the
	// matrix is the low (k even) or high (k odd) half of buf[k/2].
	for r := range b {
		buf[2*r] = uint64(b[r][0]) | uint64(b[r][1])<<32
		buf[2*r+1] = uint64(b[r][2]) | uint64(b[r][3])<<32
	}
}

// chacha8rand_qr is the ChaCha8 quarter round.
func chacha8rand_qr(a, b, c, d uint32) (_a, _b, _c, _d uint32) {
	a += b
	d ^= a
	d = d<<16 | d>>16
	c += d
	b ^= c
	b = b<<12 | b>>20
	a += b
	d ^= a
	d = d<<8 | d>>24
	c += d
	b ^= c
	b = b<<7 | b>>25
	return a, b, c, d
}

func byteorder_LEUint64(b []byte) uint64 {
	_ = b[7] // bounds check hint to compiler; see golang.org/issue/14808
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func byteorder_LEPutUint64(b []byte, v uint64) {
	_ = b[7] // early bounds check to guarantee safety of writes below
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
	b[4] = byte(v >> 32)
	b[5] = byte(v >> 40)
	b[6] = byte(v >> 48)
	b[7] = byte(v >> 56)
}

func byteorder_BEUint64(b []byte) uint64 {
	_ = b[7] // bounds check hint to compiler; see golang.org/issue/14808
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func byteorder_BEPutUint64(b []byte, v uint64) {
	_ = b[7] // early bounds check to guarantee safety of writes below
	b[0] = byte(v >> 56)
	b[1] = byte(v >> 48)
	b[2] = byte(v >> 40)
	b[3] = byte(v >> 32)
	b[4] = byte(v >> 24)
	b[5] = byte(v >> 16)
	b[6] = byte(v >> 8)
	b[7] = byte(v)
}

func byteorder_BEAppendUint64(b []byte, v uint64) []byte {
	return append(b,
		byte(v>>56),
		byte(v>>48),
		byte(v>>40),
		byte(v>>32),
		byte(v>>24),
		byte(v>>16),
		byte(v>>8),
		byte(v),
	)
}

// runtimeSeed returns 64 bits of the operating system's randomness, mixed with the
// clock (native, rand.rs).
func runtimeSeed() uint64

// runtimeState is the generator behind runtime_rand: nil until first use, then a state
// that only Next changes; a refill or the first seeding builds a new state and installs
// it only if no other goroutine installed one meanwhile.
var runtimeState *chacha8rand_State

// runtime_rand stands in for runtime.rand: a randomly seeded ChaCha8 stream. Go's
// runtime keeps one per thread and refills it without preemption; here goroutines
// switch at calls (see sync/atomic's doc.go), and Next makes none, so taking a value is
// atomic, while seeding and refilling (which call) work on a private copy that is
// installed by a plain pointer assignment: goroutines never see a half-made state and
// never receive the same value.
func runtime_rand() uint64 {
	for {
		s := runtimeState
		if s == nil {
			n := new(chacha8rand_State)
			n.Init64([4]uint64{runtimeSeed(), runtimeSeed(), runtimeSeed(), runtimeSeed()})
			if runtimeState == nil {
				runtimeState = n
			}
			continue
		}
		if x, ok := s.Next(); ok {
			return x
		}
		n := new(chacha8rand_State)
		*n = *s
		n.Refill()
		if runtimeState == s {
			runtimeState = n
		}
	}
}
