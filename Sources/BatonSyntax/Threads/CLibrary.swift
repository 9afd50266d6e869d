#if canImport(Glibc)
import Glibc
#endif

/// Functions of the C library looked up when the program runs, by name: those Swift's Glibc
/// module does not declare (`getauxval`, `sched_getcpu`, `sched_getaffinity`,
/// `sched_setaffinity`) and those another C library may lack (`malloc_trim`, `mallopt`). Nil where there is
/// no such function, or no C library to ask (not Linux): callers then do without.
public enum CLibrary {
    /// The function `name`, as a C function of type `F` (`@convention(c)`), which must be its
    /// real type.
    public static func function<F>(_ name: String, as type: F.Type) -> F? {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { return nil }
        return unsafeBitCast(symbol, to: type)
        #else
        return nil
        #endif
    }
}
