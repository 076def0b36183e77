/** A modular application with a gradgen network: requiring the runtime is all it needs. */
module com.example.modular {
  requires io.gradgen;
}
