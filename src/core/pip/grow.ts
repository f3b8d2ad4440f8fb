/** A copy of `a` twice as long. */
export function growI32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** A growable Int32Array (a is reallocated as it fills; n values are used). */
export class GrowI32 {
  a: Int32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Int32Array(Math.max(4, cap));
  }
  /** Make room for k more values (a may be reallocated, 1.5× larger). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Int32Array(Math.max(Math.ceil(this.a.length * 1.5), this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  /** The filled part (a view when at most a third is wasted, else a copy). */
  done(): Int32Array {
    return this.n >= this.a.length * 0.66 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}

/** A growable Uint32Array. */
export class GrowU32 {
  a: Uint32Array;
  n = 0;
  constructor(cap: number) {
    this.a = new Uint32Array(Math.max(4, cap));
  }
  /** Make room for k more values (a may be reallocated). */
  reserve(k: number): void {
    if (this.n + k > this.a.length) {
      const b = new Uint32Array(Math.max(this.a.length * 2, this.n + k));
      b.set(this.a);
      this.a = b;
    }
  }
  push(v: number): void {
    if (this.n === this.a.length) this.reserve(1);
    this.a[this.n++] = v;
  }
  done(): Uint32Array {
    return this.n >= this.a.length * 0.75 ? this.a.subarray(0, this.n) : this.a.slice(0, this.n);
  }
}
