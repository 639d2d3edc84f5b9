from .masuk import main

main()
